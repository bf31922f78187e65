using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Threats;

/// <summary>Likelihood and impact on 1 to 5 scales; the risk is their product (1 to 25).</summary>
public sealed record RiskRating
{
    public RiskRating(int likelihood, int impact)
    {
        if (likelihood is < 1 or > 5)
            throw ValidationFailedException.For(nameof(Likelihood), "Rate likelihood from 1 to 5.");
        if (impact is < 1 or > 5)
            throw ValidationFailedException.For(nameof(Impact), "Rate impact from 1 to 5.");
        Likelihood = likelihood;
        Impact = impact;
    }

    public int Likelihood { get; }
    public int Impact { get; }
    public int Score => Likelihood * Impact;
}
