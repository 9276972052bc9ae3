namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// Ids of a demo set from a fixed seed: the same on every installation, so that the set's first id tells whether the set
/// is there and a second seeding adds nothing.
/// </summary>
internal sealed class DemoIds(int saat)
{
    private readonly Random _zufall = new(saat);

    public string Erste { get; } = Erzeuge(new Random(saat));

    public string Naechste() => Erzeuge(_zufall);

    private static string Erzeuge(Random zufall)
    {
        var bytes = new byte[16];
        zufall.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
