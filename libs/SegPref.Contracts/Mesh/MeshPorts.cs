namespace SegPref.Contracts.Mesh;

/// <summary>
/// The mesh's default ports, in one place: each service's listener, the pipeline's stage addresses and the gateway's
/// port default to these (the gateway's appsettings.json and k8s/base repeat them for deployment, and a test keeps
/// them equal).
/// </summary>
public static class MeshPorts
{
    /// <summary>segpref.captioner.v1.Captioner.</summary>
    public const int Captioner = 5101;

    /// <summary>segpref.textcues.v1.TextCues.</summary>
    public const int TextCues = 5102;

    /// <summary>segpref.audio.v1.AudioEncoder.</summary>
    public const int AudioEncoder = 5103;

    /// <summary>segpref.segmentation.v1.Segmenter and Pipeline.</summary>
    public const int Segmentation = 5104;

    /// <summary>The YARP gateway's one public port.</summary>
    public const int Gateway = 8080;

    /// <summary>http://127.0.0.1:<paramref name="port"/> (h2c with prior knowledge for gRPC).</summary>
    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");
}
