using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Print;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IntegrationsPlattform.Host.Print;

/// <summary>
/// <see cref="IPrintDocuments"/> with PDFsharp: A4, the Kreis' name above every page, „Titel – Seite n von N“
/// below, text wrapped at the page width, tables that continue on the next page with their heading row again.
/// </summary>
internal sealed class PdfDocuments(DeploymentInfo deployment) : IPrintDocuments
{
    public byte[] RenderPdf(PrintDocument document)
    {
        if (!document.PdfPossible)
        {
            throw new NotSupportedException($"Ein PDF kann die Sprache „{Languages.GermanName(document.Language)}“ nicht richtig darstellen; das Dokument gibt es als Druckseite (HTML).");
        }

        DejaVuFonts.Install();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Author = deployment.KreisName;
        pdf.Info.Creator = "IntegrationsPlattform";
        pdf.Language = document.Language;
        var layout = new PageLayout(pdf, deployment.KreisName);
        layout.Paragraph(document.Title, layout.Title);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PrintHeading heading:
                    layout.Space(6);
                    layout.Paragraph(heading.Text, layout.Heading, keepWithNext: 3);
                    break;
                case PrintText text:
                    layout.Paragraph(text.Text, layout.Body);
                    break;
                case PrintTable table:
                    layout.Table(table);
                    break;
                case PrintImage image:
                    layout.Image(image);
                    break;
                case PrintQrCode qr:
                    layout.QrCode(qr);
                    break;
            }
        }

        layout.Finish(document.Title);
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Where the next block goes: the current page and how far down it is filled (points from the top).</summary>
    private sealed class PageLayout(PdfDocument pdf, string kreis)
    {
        private const double Margin = 56.7; // 2 cm
        private const double Millimetre = 72 / 25.4;
        private const double CellPadding = 3;

        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public readonly XFont Title = new(DejaVuFonts.Family, 18, XFontStyleEx.Bold, Unicode);
        public readonly XFont Heading = new(DejaVuFonts.Family, 13, XFontStyleEx.Bold, Unicode);
        public readonly XFont Body = new(DejaVuFonts.Family, 10.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _small = new(DejaVuFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _cellBold = new(DejaVuFonts.Family, 9.5, XFontStyleEx.Bold, Unicode);
        private readonly XFont _cell = new(DejaVuFonts.Family, 9.5, XFontStyleEx.Regular, Unicode);

        private XGraphics _graphics = null!;
        private double _y;
        private double _width;
        private double _bottom;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    NewPage();
                }

                return _graphics!;
            }
        }

        public void Space(double points) => _y += points;

        /// <summary>A paragraph, wrapped; <paramref name="keepWithNext"/> lines of what follows must fit below it (a heading is not left alone at a page's end).</summary>
        public void Paragraph(string text, XFont font, int keepWithNext = 0)
        {
            var lineHeight = font.GetHeight();
            var lines = Lines(text, font, _width = Graphics.PageSize.Width - 2 * Margin);
            EnsureSpace(lineHeight * Math.Min(lines.Count, 1 + keepWithNext));
            foreach (var line in lines)
            {
                EnsureSpace(lineHeight);
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, _width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }

            _y += lineHeight * 0.6;
        }

        public void Table(PrintTable table)
        {
            _width = Graphics.PageSize.Width - 2 * Margin;
            Paragraph(table.Caption, _cellBold, keepWithNext: 3);
            var widths = ColumnWidths(table);
            DrawRow(table.Columns, widths, _cellBold, heading: true);
            foreach (var row in table.Rows)
            {
                if (!DrawRow(row, widths, _cell, heading: false))
                {
                    NewPage();
                    DrawRow(table.Columns, widths, _cellBold, heading: true);
                    DrawRow(row, widths, _cell, heading: false);
                }
            }

            _y += Body.GetHeight();
        }

        public void Image(PrintImage image)
        {
            using var stream = new MemoryStream(image.Content);
            using var picture = XImage.FromStream(stream);
            var width = Math.Min(image.WidthMm * Millimetre, Graphics.PageSize.Width - 2 * Margin);
            var height = width * picture.PixelHeight / picture.PixelWidth;
            EnsureSpace(height);
            Graphics.DrawImage(picture, Margin, _y, width, height);
            _y += height + Body.GetHeight();
        }

        /// <summary>The code's modules as black squares (vector, sharp at any zoom), 35 mm wide, the caption beside it.</summary>
        public void QrCode(PrintQrCode qr)
        {
            var modules = qr.Modules();
            var size = 35 * Millimetre;
            var module = size / modules.Length;
            EnsureSpace(size);
            for (var row = 0; row < modules.Length; row++)
            {
                for (var column = 0; column < modules[row].Length; column++)
                {
                    if (modules[row][column])
                    {
                        Graphics.DrawRectangle(XBrushes.Black, Margin + column * module, _y + row * module, module, module);
                    }
                }
            }

            var captionWidth = Graphics.PageSize.Width - 2 * Margin - size - 12;
            var lineHeight = _small.GetHeight();
            var y = _y + 6 * module;
            foreach (var line in Lines(qr.Caption, _small, captionWidth).Concat(Lines(qr.Content, _small, captionWidth)))
            {
                Graphics.DrawString(line, _small, XBrushes.Black, new XRect(Margin + size + 12, y, captionWidth, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }

            _y += size + Body.GetHeight();
        }

        /// <summary>Page numbers go on last, when the number of pages is known.</summary>
        public void Finish(string title)
        {
            _graphics?.Dispose();
            for (var i = 0; i < pdf.PageCount; i++)
            {
                using var graphics = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                var footer = $"{title} – Seite {i + 1} von {pdf.PageCount}";
                graphics.DrawString(footer, _small, XBrushes.DimGray, new XRect(Margin, graphics.PageSize.Height - Margin + 14, graphics.PageSize.Width - 2 * Margin, _small.GetHeight()), XStringFormats.TopCenter);
            }
        }

        /// <summary>Draws the row when it fits on the page; false when it does not (nothing drawn).</summary>
        private bool DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool heading)
        {
            var lines = widths.Select((w, i) => Lines(i < cells.Count ? cells[i] : "", font, w - 2 * CellPadding)).ToList();
            var height = lines.Max(l => l.Count) * font.GetHeight() + 2 * CellPadding;
            if (_y + height > _bottom && !heading)
            {
                return false;
            }

            EnsureSpace(height);
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                if (heading)
                {
                    Graphics.DrawRectangle(XBrushes.Gainsboro, x, _y, widths[i], height);
                }

                Graphics.DrawRectangle(XPens.Gray, x, _y, widths[i], height);
                var y = _y + CellPadding;
                foreach (var line in lines[i])
                {
                    Graphics.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, y, widths[i] - 2 * CellPadding, font.GetHeight()), XStringFormats.TopLeft);
                    y += font.GetHeight();
                }

                x += widths[i];
            }

            _y += height;
            return true;
        }

        /// <summary>Each column as wide as its longest text asks, at least 15 % of an equal share, scaled to the page.</summary>
        private double[] ColumnWidths(PrintTable table)
        {
            var wanted = table.Columns.Select((heading, i) => table.Rows.Select(r => i < r.Count ? r[i] : "").Append(heading)
                .Max(text => Graphics.MeasureString(text, _cell).Width) + 2 * CellPadding).ToArray();
            var least = _width / wanted.Length * 0.15;
            var widths = wanted.Select(w => Math.Max(w, least)).ToArray();
            var scale = Math.Min(1, _width / widths.Sum());
            return widths.Select(w => w * scale).ToArray();
        }

        private void EnsureSpace(double height)
        {
            if (_graphics is null || _y + height > _bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin;
            _graphics.DrawString(kreis, _small, XBrushes.DimGray, new XRect(Margin, Margin - 28, _width, _small.GetHeight()), XStringFormats.TopLeft);
            _y = Margin;
        }

        /// <summary>The text in lines no wider than <paramref name="width"/>: at blanks, within a word only when the word alone is wider.</summary>
        private List<string> Lines(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Graphics.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (line.Length > 1 && Graphics.MeasureString(line, font).Width > width)
                    {
                        var fits = line.Length - 1;
                        while (fits > 1 && Graphics.MeasureString(line[..fits], font).Width > width)
                        {
                            fits--;
                        }

                        lines.Add(line[..fits]);
                        line = line[fits..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }
    }
}
