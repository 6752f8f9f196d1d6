using System.ComponentModel.DataAnnotations;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>Where and how a mesh service listens (section "Service").</summary>
public sealed class ServiceHostOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Service";

    /// <summary>The gRPC (h2c) port; 0 picks a free port (tests). Each service sets its own default.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Listen on every interface (containers) instead of loopback only (local runs, tests).</summary>
    public bool ListenOnAllInterfaces { get; set; }

    /// <summary>Largest gRPC message accepted or sent, in bytes (frames and tensors are big: the 4 MB default is not enough).</summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Serve grpc.reflection (grpcurl, Postman).</summary>
    public bool EnableReflection { get; set; } = true;
}
