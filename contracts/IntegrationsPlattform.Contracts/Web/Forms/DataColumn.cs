using Microsoft.AspNetCore.Components;

namespace IntegrationsPlattform.Contracts.Web.Forms;

/// <summary>
/// One column of a <see cref="DataList{TRow}"/>: its heading (also the label of the value on a phone's card) and
/// the cell of a row. <paramref name="Shown"/> is false for a column the viewer does not need, such as one her scope
/// makes the same in every row.
/// </summary>
public sealed record DataColumn<TRow>(string Heading, RenderFragment<TRow> Cell, bool Shown = true);
