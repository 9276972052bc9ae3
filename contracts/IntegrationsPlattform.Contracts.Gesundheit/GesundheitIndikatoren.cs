namespace IntegrationsPlattform.Contracts.Gesundheit;

/// <summary>The indicator keys the Gesundheit module reports to the monitor.</summary>
public static class GesundheitIndikatoren
{
    /// <summary>Offers the public sees now (published, valid today), per municipality of their places; the Kreis value counts each offer once.</summary>
    public const string VeroeffentlichteAngebote = "gesundheit.angebote";

    /// <summary>Of those, the offers a family reaches in another language than German: spoken on site or with an interpreter on request.</summary>
    public const string AngeboteFremdsprachig = "gesundheit.angebote_fremdsprachig";

    /// <summary>Distinct languages other than German spoken on site in the offers the public sees (Kreis).</summary>
    public const string Sprachen = "gesundheit.sprachen";

    /// <summary>Barriers without a measure (other than dropped ones), per municipality they lie in or their offer is held in.</summary>
    public const string BarrierenOhneMassnahme = "gesundheit.barrieren_ohne_massnahme";

    /// <summary>Families handed over to the Lotsen in the period, per municipality.</summary>
    public const string LotsenUebergaben = "gesundheit.lotsen_uebergaben";
}
