using SegPref.Media.Io;

namespace SegPref.Media.Tests.Io;

public sealed class NpyFileTests
{
    [Fact]
    public void WriteFloat32_ThenRead_RoundTripsDataAndShape()
    {
        var path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        try
        {
            float[] data = [1f, -2.5f, 3.25f, 0f, 1e-7f, 42f];
            NpyFile.WriteFloat32(path, data, [2, 3]);

            var (read, shape) = NpyFile.ReadFloat32(path);

            Assert.Equal([2, 3], shape);
            Assert.Equal(data, read);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteFloat32_HeaderIsNumpyVersion1AlignedTo64()
    {
        var path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        try
        {
            NpyFile.WriteFloat32(path, new float[96 * 64], [1, 96, 64]);
            var bytes = File.ReadAllBytes(path);

            var headerLength = bytes[8] | (bytes[9] << 8);
            var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
            Assert.Equal(0, (10 + headerLength) % 64);
            Assert.Contains("'shape': (1, 96, 64)", header, StringComparison.Ordinal);
            Assert.EndsWith("\n", header, StringComparison.Ordinal);
            Assert.Equal(10 + headerLength + (96 * 64 * 4), bytes.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteFloat32_ShapeMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => NpyFile.WriteFloat32("unused.npy", new float[5], [2, 3]));
        Assert.Contains("holds 6 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32_NotNpy_ThrowsNamingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        File.WriteAllText(path, "hello world, not numpy");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => NpyFile.ReadFloat32(path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
