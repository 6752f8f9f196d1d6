using SegPref.Models.Torch;
using static TorchSharp.torch;

namespace SegPref.Models.Tests.Torch;

public class TorchRuntimeTests
{
    public TorchRuntimeTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void EnsureInitialized_CalledConcurrentlyAndRepeatedly_IsIdempotent()
    {
        var shim = TorchRuntime.PreloadedShim;

        Parallel.For(0, 8, _ => TorchRuntime.EnsureInitialized());
        TorchRuntime.EnsureInitialized();

        Assert.Equal(shim, TorchRuntime.PreloadedShim);
        using var one = ones(1);
        Assert.Equal(1f, one.item<float>());
    }

    [Fact]
    public void Matmul_Randn64x64_MatchesHandComputedDotProducts()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(1234);
        var a = randn(64, 64, generator: generator);
        var b = randn(64, 64, generator: generator);

        var c = a.matmul(b);

        Assert.Equal([64L, 64L], c.shape);
        var av = a.data<float>().ToArray();
        var bv = b.data<float>().ToArray();
        var cv = c.data<float>().ToArray();
        foreach (var (i, j) in new[] { (0, 0), (3, 17), (63, 63), (40, 5) })
        {
            double expected = 0;
            for (var k = 0; k < 64; k++)
            {
                expected += (double)av[(i * 64) + k] * bv[(k * 64) + j];
            }

            Assert.Equal(expected, cv[(i * 64) + j], 1e-3);
        }
    }

    [Fact]
    public void Conv2dForward_KnownWeights_GivesHandComputedOutput()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(1, 1, 2);
        using (no_grad())
        {
            // Cross-correlation, as in PyTorch: out[i,j] = sum_{u,v} w[u,v] * x[i+u, j+v] + bias.
            conv.weight!.copy_(tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 1, 2, 2));
            conv.bias!.copy_(tensor(new float[] { 0.5f }));
        }

        var input = arange(1, 10, dtype: ScalarType.Float32).reshape(1, 1, 3, 3);
        var output = conv.call(input);

        Assert.Equal([1L, 1L, 2L, 2L], output.shape);
        // 1*1+2*2+4*3+5*4 = 37, 2*1+3*2+5*3+6*4 = 47, 4+10+21+32 = 67, 5+12+24+36 = 77; plus 0.5.
        Assert.Equal([37.5f, 47.5f, 67.5f, 77.5f], output.data<float>().ToArray());
    }
}
