using System;
using System.Text.Json;

namespace FinSpace.Data.Runtime
{
    /// <summary>The members of a rest-json error body the client uses: code, message and reason.</summary>
    internal readonly struct ErrorDocument
    {
        private ErrorDocument(string? code, string? message, string? reason)
        {
            Code = code;
            Message = message;
            Reason = reason;
        }

        /// <summary><c>__type</c> (namespace stripped), else <c>code</c>/<c>Code</c>.</summary>
        public string? Code { get; }

        /// <summary><c>message</c> or <c>Message</c>.</summary>
        public string? Message { get; }

        /// <summary><c>reason</c>, which Validation, Conflict and ResourceNotFound errors carry.</summary>
        public string? Reason { get; }

        /// <summary>Reads the top-level members; a body that is empty or not JSON yields nothing rather than failing,
        /// because the HTTP status and headers still describe the error.</summary>
        public static ErrorDocument Parse(ReadOnlySpan<byte> body)
        {
            string? type = null, code = null, message = null, reason = null;
            if (body.IsEmpty)
            {
                return default;
            }

            try
            {
                var reader = new Utf8JsonReader(body);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return default;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                        continue;
                    }

                    switch (name)
                    {
                        case "__type":
                            type = reader.GetString();
                            break;
                        case "code":
                        case "Code":
                            code ??= reader.GetString();
                            break;
                        case "message":
                        case "Message":
                            message ??= reader.GetString();
                            break;
                        case "reason":
                            reason = reader.GetString();
                            break;
                    }
                }
            }
            catch (JsonException)
            {
                // Keep whatever was read before the malformed part.
            }

            return new ErrorDocument(NormalizeCode(type) ?? NormalizeCode(code), message, reason);
        }

        /// <summary>
        /// Error codes arrive decorated: <c>aws.finspace#ValidationException</c> in <c>__type</c>,
        /// <c>ValidationException:http://internal.amazon.com/...</c> in <c>x-amzn-ErrorType</c>.
        /// </summary>
        public static string? NormalizeCode(string? raw)
        {
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            var code = raw!;
            var colon = code.IndexOf(':');
            if (colon >= 0)
            {
                code = code.Substring(0, colon);
            }

            var hash = code.LastIndexOf('#');
            if (hash >= 0)
            {
                code = code.Substring(hash + 1);
            }

            code = code.Trim();
            return code.Length == 0 ? null : code;
        }
    }
}
