using System.Reflection;
using SegPref.Gateway;

namespace SegPref.Mesh.Tests.EndToEnd;

public sealed class GatewayDependenciesTests
{
    [Fact]
    public void Gateway_WithEverythingItReferences_CarriesNoMediaModelOrImagingCode()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([typeof(GatewayOptions).Assembly.GetName()]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name.Name!) || !name.Name!.StartsWith("SegPref.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        Assert.Contains("SegPref.ServiceDefaults", seen);
        Assert.DoesNotContain(seen, n => n is "SegPref.Media" or "SegPref.Inference" or "SegPref.Serving" || n.StartsWith("SkiaSharp", StringComparison.Ordinal) || n.StartsWith("Microsoft.ML", StringComparison.Ordinal));
    }
}
