using Grpc.Core;

namespace SegPref.ServiceDefaults.Errors;

/// <summary>
/// More exception types the error-mapping interceptor answers with their own status and message (e.g. a full model
/// queue -> RESOURCE_EXHAUSTED, an unknown model -> NOT_FOUND), registered by the services that throw them.
/// </summary>
public sealed class ExceptionStatusOptions
{
    /// <summary>Exception type -> status code (an exact type match).</summary>
    public IDictionary<Type, StatusCode> Codes { get; } = new Dictionary<Type, StatusCode>();
}
