using Grpc.Net.Client.Balancer;

namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>Resolves to a fixed list of addresses (<see cref="AddressListResolverFactory"/>); re-resolving gives the same list.</summary>
internal sealed class AddressListResolver(IReadOnlyList<BalancerAddress> addresses) : Resolver
{
    private Action<ResolverResult>? _listener;

    public override void Start(Action<ResolverResult> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listener = listener;
        listener(ResolverResult.ForResult(addresses));
    }

    public override void Refresh() => _listener?.Invoke(ResolverResult.ForResult(addresses));
}
