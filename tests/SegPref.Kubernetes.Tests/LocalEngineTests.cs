using System.Diagnostics;

namespace SegPref.Kubernetes.Tests;

/// <summary>
/// Opt-in (SEGPREF_ENGINE_TEST=1; needs podman, runc, aardvark-dns, mmdebstrap and about 3 GB of disk): builds the
/// images, plays k8s/overlays/local with `podman kube play`, checks the played mesh from the host (non-root, read-only
/// root, a gRPC and a REST Pipeline call with a mask per frame, 401 without the key) and tears it down.
/// .ci/run turns it on wherever podman works (installing podman, runc, aardvark-dns and mmdebstrap when missing).
/// </summary>
public sealed class LocalEngineTests
{
    [Fact]
    public void KubeLocal_UpCheckDown_MeshAnswersOverGrpcAndRest()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("SEGPREF_ENGINE_TEST") == "1", "Set SEGPREF_ENGINE_TEST=1 to run the manifests in podman.");
        var script = Path.Combine(Manifests.Root, "..", "containers", "kube-local.sh");
        try
        {
            var up = Run(script, "up --build --timeout 300", TimeSpan.FromMinutes(20));
            Assert.True(up.Code == 0, $"kube-local.sh up failed:\n{up.Output}");
            var check = Run(script, "check", TimeSpan.FromMinutes(10));
            TestContext.Current.TestOutputHelper?.WriteLine(check.Output);
            Assert.True(check.Code == 0, $"kube-local.sh check failed:\n{check.Output}");
            Assert.Contains("ok: gRPC Pipeline call through the gateway", check.Output, StringComparison.Ordinal);
            Assert.Contains("ok: REST POST /v1/segment through the gateway: HTTP 200", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            Run(script, "down", TimeSpan.FromMinutes(2));
        }
    }

    private static (int Code, string Output) Run(string script, string arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash", $"{script} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{output}\n(killed after {limit})");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
