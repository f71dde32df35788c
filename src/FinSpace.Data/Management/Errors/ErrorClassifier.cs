using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using FinSpace.Data;
using FinSpace.Data.Model;
using FinSpace.Data.Validation;
using FinSpace.Management.Bulk;

namespace FinSpace.Management
{
    /// <summary>Decides how each exception is reported: category, ErrorId, message, and whether to stop.</summary>
    public static class ErrorClassifier
    {
        /// <summary>
        /// The category of each modeled error (model/finspace-data/service-2.json), decided from its
        /// documentation; ConflictException is decided by its reason (<see cref="ConflictCategory"/>).
        /// The table is written down in about_FinSpace ("Errors").
        /// </summary>
        private static readonly Dictionary<string, FinSpaceErrorCategory> ServiceCategories = new Dictionary<string, FinSpaceErrorCategory>(StringComparer.Ordinal)
        {
            // "One or more resources can't be found."
            ["ResourceNotFoundException"] = FinSpaceErrorCategory.ObjectNotFound,
            // "You do not have sufficient access to perform this action."
            ["AccessDeniedException"] = FinSpaceErrorCategory.PermissionDenied,
            // "The input fails to satisfy the constraints specified by an AWS service."
            ["ValidationException"] = FinSpaceErrorCategory.InvalidArgument,
            // "The request conflicts with an existing resource." (without a reason that says more)
            ["ConflictException"] = FinSpaceErrorCategory.ResourceExists,
            // "The request was denied due to request throttling." A rate, not a quota.
            ["ThrottlingException"] = FinSpaceErrorCategory.LimitsExceeded,
            // "A limit has exceeded." A service quota (how many datasets, users, …), not a rate.
            ["LimitExceededException"] = FinSpaceErrorCategory.QuotaExceeded,
            // "The request processing has failed because of an unknown error, exception or failure."
            // The service could not serve the request now; the same request may succeed later.
            ["InternalServerException"] = FinSpaceErrorCategory.ResourceUnavailable,
        };

        /// <summary>ConflictException reasons that mean something more precise than "it already exists".</summary>
        private static readonly Dictionary<string, FinSpaceErrorCategory> ConflictReasons = new Dictionary<string, FinSpaceErrorCategory>(StringComparer.OrdinalIgnoreCase)
        {
            // The changeset is still being ingested: the same change succeeds once it has finished.
            ["CHANGESET_NOT_COMPLETE"] = FinSpaceErrorCategory.ResourceBusy,
            // A newer changeset replaced this one: the change must go to that one instead.
            ["CHANGESET_ALREADY_UPDATED"] = FinSpaceErrorCategory.InvalidOperation,
            // The same -ClientToken was sent with different parameters.
            ["CLIENT_TOKEN_REUSED_WITH_DIFFERENT_PARAMETERS"] = FinSpaceErrorCategory.InvalidArgument,
        };

        // Unmodeled codes meaning the caller's identity is unusable: every further request fails the same way.
        private static readonly HashSet<string> AuthenticationCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "MissingAuthenticationTokenException",
            "InvalidSignatureException",
            "UnrecognizedClientException",
            "InvalidClientTokenId",
            "ExpiredTokenException",
            "SignatureDoesNotMatch",
            "IncompleteSignatureException",
        };

        public static ClassifiedError Classify(Exception exception)
        {
            switch (exception)
            {
                case Transfer.TransferFailedException transfer:
                    return ClassifyTransfer(transfer);
                case Transfer.ChangesetNotCreatedException notCreated:
                    var notCreatedCause = Classify(notCreated.InnerException!);
                    return new ClassifiedError(exception, notCreatedCause.ErrorId, notCreatedCause.Category, notCreated.Message, notCreatedCause.IsTerminating);
                case RequestValidationException invalid:
                    return new ClassifiedError(exception, "InvalidRequest", FinSpaceErrorCategory.InvalidArgument, invalid.Message, isTerminating: false);
                case ArgumentException argument:
                    return new ClassifiedError(exception, "InvalidArgument", FinSpaceErrorCategory.InvalidArgument, argument.Message, isTerminating: false);
                case FinSpaceConfigurationException configuration:
                    return new ClassifiedError(exception, configuration.ErrorId, configuration.Category, configuration.Message, isTerminating: true);
                case WaitTimeoutException timeout:
                    return new ClassifiedError(exception, "WaitTimeout", FinSpaceErrorCategory.OperationTimeout, timeout.Message, isTerminating: false);
                case FollowUpReadException followUp:
                    // The change happened: never reported as a failed create or update.
                    return new ClassifiedError(exception, followUp.ErrorId, FinSpaceErrorCategory.ReadError, Describe(followUp), isTerminating: false);
                case OperationCanceledException:
                    return new ClassifiedError(exception, "OperationStopped", FinSpaceErrorCategory.OperationStopped, "The operation was stopped.", isTerminating: true);
                case AmazonServiceException service:
                    return ClassifyService(service);
                case ConnectionDroppedException dropped:
                    // Not terminating: the connection broke for this request, the next may well go through.
                    return new ClassifiedError(exception, "ConnectionDropped", FinSpaceErrorCategory.ConnectionError, dropped.Message, isTerminating: false);
                case ListingIncompleteException listing:
                    return ClassifyListing(listing);
                case WaitFailedException failed:
                    return new ClassifiedError(exception, failed.ErrorId, FinSpaceErrorCategory.InvalidResult, failed.Message, isTerminating: false);
                // The default chain's AWS_PROFILE names a profile no file holds: nothing further can sign.
                case AmazonClientException client when client.GetType().Name == "ProfileNotFoundException":
                    return new ClassifiedError(exception, "CredentialsNotFound", FinSpaceErrorCategory.AuthenticationError,
                        "No AWS credentials could be resolved: " + client.Message, isTerminating: true);
                case AmazonClientException client when IsCredentialFailure(client):
                    return new ClassifiedError(exception, "CredentialsNotFound", FinSpaceErrorCategory.AuthenticationError,
                        "No AWS credentials could be resolved: " + client.Message, isTerminating: true);
                case AmazonClientException client when Unreachable(client) is { } cause:
                    return Unreachable(exception, cause);
                case HttpRequestException or WebException or SocketException:
                    return Unreachable(exception, exception);
                case TimeoutException:
                    return new ClassifiedError(exception, "RequestTimeout", FinSpaceErrorCategory.OperationTimeout, exception.Message, isTerminating: false);
                default:
                    return new ClassifiedError(exception, exception.GetType().Name, FinSpaceErrorCategory.NotSpecified, exception.Message, isTerminating: false);
            }
        }

        /// <summary>What stopped the listing, said with where it stopped and how to go on from there.</summary>
        private static ClassifiedError ClassifyListing(ListingIncompleteException listing)
        {
            var cause = Classify(listing.InnerException!);
            var resume = listing.NextToken is null
                ? "run the command again to start over"
                : $"run the command again with -StartingToken '{listing.NextToken}' to go on from there";
            var message = $"{cause.Message} The listing stopped after {listing.ItemCount} item{(listing.ItemCount == 1 ? string.Empty : "s")}; {resume}.";
            return new ClassifiedError(listing, cause.ErrorId, cause.Category, message, cause.IsTerminating);
        }

        /// <summary>One file of a transfer: its own ErrorId, the category of what went wrong, never terminating (the other files may still move).</summary>
        private static ClassifiedError ClassifyTransfer(Transfer.TransferFailedException transfer)
        {
            var inner = transfer.InnerException;
            var category = transfer.ErrorId switch
            {
                "FileExists" => FinSpaceErrorCategory.ResourceExists,
                "UnsafeObjectKey" => FinSpaceErrorCategory.InvalidResult,
                _ => inner switch
                {
                    UnauthorizedAccessException => FinSpaceErrorCategory.PermissionDenied,
                    System.IO.FileNotFoundException or System.IO.DirectoryNotFoundException => FinSpaceErrorCategory.ObjectNotFound,
                    System.IO.IOException => transfer.ErrorId == "DownloadFailed" ? FinSpaceErrorCategory.WriteError : FinSpaceErrorCategory.ReadError,
                    AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } => FinSpaceErrorCategory.PermissionDenied,
                    AmazonServiceException { StatusCode: HttpStatusCode.NotFound } => FinSpaceErrorCategory.ObjectNotFound,
                    AmazonServiceException service when ServiceCategories.TryGetValue(service.ErrorCode ?? string.Empty, out var mapped) => mapped,
                    null => FinSpaceErrorCategory.NotSpecified,
                    _ => Classify(inner).Category,
                },
            };
            return new ClassifiedError(transfer, transfer.ErrorId, category, transfer.Message, isTerminating: false);
        }

        private static ClassifiedError ClassifyService(AmazonServiceException service)
        {
            var code = string.IsNullOrEmpty(service.ErrorCode) ? "UnknownError" : service.ErrorCode;
            var message = Describe(service, code);
            if (code == "ConflictException")
            {
                return new ClassifiedError(service, code, ConflictCategory((service as FinSpaceDataServiceException)?.Reason), message, isTerminating: false);
            }

            if (ServiceCategories.TryGetValue(code, out var category))
            {
                return new ClassifiedError(service, code, category, message, isTerminating: false);
            }

            if (AuthenticationCodes.Contains(code))
            {
                return new ClassifiedError(service, code, FinSpaceErrorCategory.AuthenticationError, message, isTerminating: true);
            }

            // An unmodeled 5xx (502, 503, 504 from a proxy or the front door) is the service being unavailable too.
            var unmodeled = (int)service.StatusCode >= 500 ? FinSpaceErrorCategory.ResourceUnavailable : FinSpaceErrorCategory.NotSpecified;
            return new ClassifiedError(service, code, unmodeled, message, isTerminating: false);
        }

        /// <summary>ResourceBusy, InvalidOperation or InvalidArgument for the reasons that say so; ResourceExists otherwise.</summary>
        internal static FinSpaceErrorCategory ConflictCategory(string? reason) =>
            reason is not null && ConflictReasons.TryGetValue(reason, out var category) ? category : FinSpaceErrorCategory.ResourceExists;

        private static string Describe(AmazonServiceException service, string code)
        {
            var text = string.IsNullOrEmpty(service.Message) ? code : service.Message.TrimEnd('.');
            var reason = (service as FinSpaceDataServiceException)?.Reason;
            if (!string.IsNullOrEmpty(reason) && !text.Contains(reason!))
            {
                text += $": {reason}";
            }

            var details = $"{code}, HTTP {(int)service.StatusCode}";
            if (!string.IsNullOrEmpty(service.RequestId))
            {
                details += $", request id {service.RequestId}";
            }

            return $"{text}. ({details})";
        }

        private static string Describe(FollowUpReadException followUp)
        {
            var inner = followUp.InnerException is { } cause ? Classify(cause).Message : "unknown error";
            return $"{(followUp.ErrorId == "CreatedButNotRead" ? "Created" : "Changed")} {followUp.ResourceId}, but reading it back afterwards failed: {inner}";
        }

        private static bool IsCredentialFailure(AmazonClientException exception) =>
            exception.Message.IndexOf("credentials", StringComparison.OrdinalIgnoreCase) >= 0 &&
            (exception.Message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0 ||
             exception.Message.IndexOf("unable to", StringComparison.OrdinalIgnoreCase) >= 0 ||
             exception.Message.IndexOf("no ", StringComparison.OrdinalIgnoreCase) >= 0);

        private static Exception? Unreachable(Exception exception)
        {
            for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is HttpRequestException or WebException or SocketException)
                {
                    return inner;
                }
            }

            return null;
        }

        private static ClassifiedError Unreachable(Exception exception, Exception cause) =>
            new ClassifiedError(exception, "EndpointUnreachable", FinSpaceErrorCategory.ConnectionError,
                "The FinSpace endpoint could not be reached: " + cause.Message, isTerminating: true);
    }
}
