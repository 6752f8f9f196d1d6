using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace SegPref.ServiceDefaults.Hosting;

/// <summary>
/// gzip for gRPC messages with a cap on the decompressed size. grpc-dotnet checks a compressed message's length
/// against MaxReceiveMessageSize but decompresses it into an unbounded buffer, so 64 KB of gzip could become gigabytes;
/// here reading past <paramref name="maxDecompressedBytes"/> fails the call with RESOURCE_EXHAUSTED.
/// </summary>
internal sealed class BoundedGzipCompressionProvider(int maxDecompressedBytes) : ICompressionProvider
{
    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new BoundedReadStream(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), maxDecompressedBytes);

    private sealed class BoundedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read <= limit
                ? read
                : throw new RpcException(new Status(StatusCode.ResourceExhausted, $"request: the gzip message decompresses to more than {limit} bytes (Service:MaxMessageBytes)."));
        }
    }
}
