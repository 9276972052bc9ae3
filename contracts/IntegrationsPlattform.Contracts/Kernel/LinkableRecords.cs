using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>
/// One record a module offers for others to point at (a council's motion, a training session, a health campaign), as
/// its <see cref="ILinkableRecordProvider"/> finds it: <paramref name="Kind"/> in German („Antrag“, „Schulungstermin“),
/// <paramref name="Key"/> the module's stable id of the record, <paramref name="Date"/> the day it is about, if any,
/// <paramref name="MunicipalityAgs"/> where it lies, if anywhere, <paramref name="Status"/> its status in German,
/// <paramref name="Link"/> the path of its page (<c>/beiraete/antraege/…</c>).
/// </summary>
public sealed record LinkableRecordHit(string Kind, string Key, string Title, DateOnly? Date, string? MunicipalityAgs, string Status, string Link);

/// <summary>
/// Implemented by a module whose records others may link to (found by convention, like the indicator providers). It
/// answers only what the signed-in user (<see cref="Security.ICurrentUser"/>) may read, under the module's own
/// permissions and scopes; nothing for a user without them.
/// </summary>
public interface ILinkableRecordProvider
{
    /// <summary>At most <paramref name="limit"/> records whose title (or what else the module finds fitting) contains <paramref name="text"/>, newest first.</summary>
    Task<IReadOnlyList<LinkableRecordHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken);
}

/// <summary>A record found across the running modules: <paramref name="Module"/> is the module's id, <paramref name="ModuleName"/> its German name.</summary>
public sealed record LinkableRecord(string Module, string ModuleName, string Kind, string Key, string Title, DateOnly? Date, string? MunicipalityAgs, string Status, string Link);

/// <summary>
/// Searches the linkable records of every running module by text (at least 2 characters), as the signed-in user may
/// see them; a module that is not running contributes nothing. Answered by the host; <paramref name="Limit"/> as a
/// page size (default 25, at most 200).
/// </summary>
public sealed record SearchLinkableRecords(string Text, int? Limit = null) : IQuery<IReadOnlyList<LinkableRecord>>;

/// <summary>
/// Published by a module after the commit of a change to one of its linkable records' status, so that whatever points
/// at it (Konzept's measures) can follow. <paramref name="Module"/> is the publishing module's id.
/// </summary>
public sealed record LinkableRecordChanged(string Module, string Kind, string Key, string Title, string Status, string Link) : INotification;
