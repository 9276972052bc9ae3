using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>The checks of a school (name, type of the reference list, a municipality of the Kreis) and writing it.</summary>
internal static class SchulePruefung
{
    public const int NameMax = 200;

    public static List<FieldError> Stammdaten(SchuleEingabe eingabe, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("name", eingabe.Name, NameMax, "den Namen der Schule");
        if (string.IsNullOrWhiteSpace(eingabe.Schulart))
        {
            errors.Add(new FieldError("schulart", "Bitte die Schulart wählen."));
        }

        errors.Municipality("kommune", eingabe.Kommune, deployment, required: true);
        return errors;
    }

    /// <summary>Writes the school; an unknown type and a name the municipality has already are refused at their fields.</summary>
    public static async Task SchreibenAsync(ModuleTransaction tx, string sql, object werte, string schulart)
    {
        if (await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schularten WHERE schluessel = @schulart", new { schulart }, tx.Sql) == 0)
        {
            throw RequestValidationException.For("schulart", $"Unbekannte Schulart „{FieldRules.Echo(schulart)}“.");
        }

        try
        {
            await tx.Connection.ExecuteAsync(sql, werte, tx.Sql);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("schulen.name", StringComparison.Ordinal))
        {
            throw RequestValidationException.For("name", "Eine Schule mit diesem Namen gibt es in dieser Kommune schon.");
        }
    }
}

internal sealed class SchuleValidator(DeploymentInfo deployment) : IValidator<CreateSchule>, IValidator<UpdateSchule>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateSchule request, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<FieldError>>(SchulePruefung.Stammdaten(request.Eingabe, deployment));

    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateSchule request, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<FieldError>>(SchulePruefung.Stammdaten(request.Eingabe, deployment));
}
