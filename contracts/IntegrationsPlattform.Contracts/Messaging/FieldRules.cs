using System.Globalization;
using System.Net.Mail;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Contracts.Messaging;

/// <summary>
/// The field rules every module checks its input with, each with one German message, so that a form, the API and a
/// CSV import of any module say the same about the same mistake. Each rule adds at most one <see cref="FieldError"/>
/// to the validator's list and returns the cleaned value (trimmed, parsed) or null when it is missing or invalid.
/// </summary>
public static class FieldRules
{
    public const int EmailMaxLength = 254;

    public const int PhoneMaxLength = 50;

    private const string PhoneCharacters = " +-/()";

    /// <summary>A text that must be given: <paramref name="what"/> is the accusative phrase of the message „Bitte … angeben.“, e.g. „den Namen des Trägers“.</summary>
    public static string? RequiredText(this ICollection<FieldError> errors, string field, string? value, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, $"Bitte {what} angeben."));
            return null;
        }

        return errors.OptionalText(field, value, maxLength);
    }

    public static string? OptionalText(this ICollection<FieldError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(new FieldError(field, $"Höchstens {maxLength.ToString("N0", GermanFormat.Culture)} Zeichen erlaubt ({text.Length.ToString("N0", GermanFormat.Culture)} eingegeben)."));
            return null;
        }

        return text;
    }

    /// <summary>A value that is not text (a day, a number): missing is refused with „Bitte … angeben.“.</summary>
    public static T? Required<T>(this ICollection<FieldError> errors, string field, T? value, string what)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, $"Bitte {what} angeben."));
        }

        return value;
    }

    /// <summary>An optional e-mail address: one address, no display name, a domain with a dot.</summary>
    public static string? Email(this ICollection<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var email = value.Trim();
        if (!IsEmail(email))
        {
            errors.Add(new FieldError(field, "Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de)."));
            return null;
        }

        return email;
    }

    public static bool IsEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return email.Length <= EmailMaxLength
            && MailAddress.TryCreate(email, out var address) && address.Address == email && address.DisplayName.Length == 0
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.');
    }

    /// <summary>An optional phone number as people write it: digits, blanks and + - / ( ).</summary>
    public static string? Phone(this ICollection<FieldError> errors, string field, string? value)
    {
        var phone = errors.OptionalText(field, value, PhoneMaxLength);
        if (phone is not null && (!phone.Any(char.IsAsciiDigit) || phone.Any(c => !char.IsAsciiDigit(c) && !PhoneCharacters.Contains(c))))
        {
            errors.Add(new FieldError(field, "Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten."));
            return null;
        }

        return phone;
    }

    /// <summary>A day as the API sends it (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly? Day(this ICollection<FieldError> errors, string field, string? value, bool required)
        => errors.Parsed<DateOnly>(field, value, required, "Bitte ein Datum angeben.", "Bitte ein gültiges Datum angeben (JJJJ-MM-TT).",
            (string text, out DateOnly day) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day));

    /// <summary>A day that has already happened: <paramref name="what"/> is the subject, e.g. „Ein Kontakt“.</summary>
    public static void NotInFuture(this ICollection<FieldError> errors, string field, DateOnly? day, DateOnly today, string what)
    {
        if (day > today)
        {
            errors.Add(new FieldError(field, $"{what} kann nicht in der Zukunft liegen."));
        }
    }

    /// <summary>
    /// A period of days: the end (reported at <paramref name="endField"/>) may not lie before the start and, with
    /// <paramref name="maxDays"/>, not more than that many days after it. A missing day is the other rules' concern.
    /// </summary>
    public static void DayRange(this ICollection<FieldError> errors, string endField, DateOnly? start, DateOnly? end, int? maxDays = null)
    {
        if (start is not { } from || end is not { } to)
        {
            return;
        }

        if (maxDays is { } max && (to < from || to.DayNumber - from.DayNumber > max))
        {
            errors.Add(new FieldError(endField, $"Das Ende des Zeitraums muss zwischen dem Beginn und {max} Tagen danach liegen."));
        }
        else if (to < from)
        {
            errors.Add(new FieldError(endField, "Das Ende darf nicht vor dem Beginn liegen."));
        }
    }

    /// <summary>A time of day as <c>HH:mm</c>.</summary>
    public static TimeOnly? TimeOfDay(this ICollection<FieldError> errors, string field, string? value, bool required)
        => errors.Parsed<TimeOnly>(field, value, required, "Bitte eine Uhrzeit angeben.", "Bitte die Uhrzeit als SS:MM angeben, z. B. 09:30.",
            (string text, out TimeOnly time) => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time));

    /// <summary>Two times of one day: the end (reported at <paramref name="endField"/>) must come after the start.</summary>
    public static void TimeRange(this ICollection<FieldError> errors, string endField, TimeOnly? start, TimeOnly? end)
    {
        if (start is { } from && end is { } to && to <= from)
        {
            errors.Add(new FieldError(endField, "Die Uhrzeit „bis“ muss nach „von“ liegen."));
        }
    }

    /// <summary>The AGS of one municipality of the deployment's Kreis.</summary>
    public static Municipality? Municipality(this ICollection<FieldError> errors, string field, string? ags, DeploymentInfo deployment, bool required)
    {
        if (string.IsNullOrWhiteSpace(ags))
        {
            if (required)
            {
                errors.Add(new FieldError(field, $"Bitte eine Kommune im {deployment.KreisName} wählen."));
            }

            return null;
        }

        var municipality = deployment.FindMunicipality(ags.Trim());
        if (municipality is null)
        {
            errors.Add(new FieldError(field, NotAMunicipality(Echo(ags.Trim()), deployment)));
        }

        return municipality;
    }

    /// <summary>AGS of municipalities of the deployment's Kreis; every unknown one is named in one message.</summary>
    public static IReadOnlyList<Municipality> Municipalities(this ICollection<FieldError> errors, string field, IEnumerable<string?>? agsList, DeploymentInfo deployment, bool required)
    {
        var given = (agsList ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (given.Count == 0)
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Bitte mindestens eine Kommune wählen."));
            }

            return [];
        }

        var unknown = given.Where(a => deployment.FindMunicipality(a) is null).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError(field, NotAMunicipality(string.Join(", ", unknown.Select(a => a.Length == 0 ? "(leer)" : Echo(a))), deployment)));
            return [];
        }

        return given.Distinct().Select(a => deployment.FindMunicipality(a)!).ToList();
    }

    /// <summary>A language code of <see cref="Languages"/> (ISO 639); returns it normalised.</summary>
    public static string? LanguageCode(this ICollection<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = Languages.Normalize(value);
        if (!Languages.IsKnown(code))
        {
            errors.Add(new FieldError(field, $"Unbekannter Sprachcode „{Echo(code)}“ (erwartet ISO 639, z. B. ar, fa, uk)."));
            return null;
        }

        return code;
    }

    /// <summary>
    /// A language of the deployment's public pages (<see cref="DeploymentInfo.PublicLanguages"/>) — what a text meant
    /// for visitors may be written in; returns it normalised.
    /// </summary>
    public static string? PublicLanguage(this ICollection<FieldError> errors, string field, string? value, DeploymentInfo deployment)
    {
        var code = errors.LanguageCode(field, value);
        if (code is not null && !deployment.OffersPublicly(code))
        {
            errors.Add(new FieldError(field, $"Die öffentlichen Seiten bieten {Languages.GermanName(code)} nicht an (angeboten: {string.Join(", ", deployment.PublicLanguages.Select(l => l.GermanName))})."));
            return null;
        }

        return code;
    }

    /// <summary>User input quoted in a message, cut short so that a huge value does not become a huge message.</summary>
    public static string Echo(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Parsed<T>(this ICollection<FieldError> errors, string field, string? value, bool required, string missing, string invalid, TryParse<T> tryParse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, missing));
            }

            return null;
        }

        if (tryParse(value.Trim(), out var parsed))
        {
            return parsed;
        }

        errors.Add(new FieldError(field, invalid));
        return null;
    }

    private static string NotAMunicipality(string echoedInput, DeploymentInfo deployment)
        => $"Keine Kommune im {deployment.KreisName}: {echoedInput}.";
}
