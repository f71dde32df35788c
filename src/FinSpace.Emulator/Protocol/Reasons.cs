namespace FinSpace.Emulator.Protocol;

/// <summary>The <c>reason</c> values the emulator sends with ValidationException, ResourceNotFoundException and ConflictException.</summary>
internal static class Reasons
{
    public const string FieldValidationFailed = "FIELD_VALIDATION_FAILED";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string InvalidNextToken = "INVALID_NEXT_TOKEN";

    public const string DatasetNotFound = "DATASET_NOT_FOUND";
    public const string ChangesetNotFound = "CHANGESET_NOT_FOUND";
    public const string DataViewNotFound = "DATAVIEW_NOT_FOUND";
    public const string PermissionGroupNotFound = "PERMISSION_GROUP_NOT_FOUND";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string MembershipNotFound = "MEMBERSHIP_NOT_FOUND";

    public const string AliasInUse = "ALIAS_ALREADY_EXISTS";
    public const string EmailInUse = "EMAIL_ALREADY_EXISTS";
    public const string PermissionGroupNameInUse = "PERMISSION_GROUP_NAME_ALREADY_EXISTS";
    public const string AlreadyMember = "USER_ALREADY_IN_PERMISSION_GROUP";
    public const string ChangesetNotComplete = "CHANGESET_NOT_COMPLETE";
    public const string ChangesetAlreadyUpdated = "CHANGESET_ALREADY_UPDATED";
    public const string ClientTokenReused = "CLIENT_TOKEN_REUSED_WITH_DIFFERENT_PARAMETERS";
}
