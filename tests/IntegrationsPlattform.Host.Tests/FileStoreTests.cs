using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationsPlattform.Testing;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The SDK's file store through the Beispiel test plugin: upload on an entry (API and page form), listing, download
/// with its headers, refusals that leave nothing behind, deletion with the entry, the module's size on the admin
/// page, the backup, and DSGVO export and erasure of a person's entry with its files.
/// </summary>
[TestFixture]
public sealed class FileStoreTests : HostFixture
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private string FilesDirectory => Path.Combine(Host.DataDirectory, "files", "Beispiel");

    [Test]
    public async Task UploadedFileIsListedAndDownloadedUnderItsCleanedNameWithTheSniffedType()
    {
        var id = await CreateEntryAsync("Nachweise Erbach");

        using var upload = await UploadAsync(id, Pdf, "C:\\Users\\erika\\Teilnahmebestätigung März.pdf");
        var stored = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var list = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/beispiel/eintraege/{id}/dateien");
        using var download = await StaffApi.GetAsync($"/api/beispiel/eintraege/{id}/dateien/{stored.GetProperty("id").GetString()}");

        Assert.Multiple(async () =>
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(stored.GetProperty("name").GetString(), Is.EqualTo("Teilnahmebestätigung März.pdf"));
            Assert.That(stored.GetProperty("contentType").GetString(), Is.EqualTo("application/pdf"));
            Assert.That(stored.GetProperty("size").GetInt64(), Is.EqualTo(Pdf.Length));
            Assert.That(stored.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Pdf))));
            Assert.That(stored.GetProperty("uploadedBy").GetString(), Is.EqualTo(PlatformHost.StaffUser));
            Assert.That(list.EnumerateArray().Select(f => f.GetProperty("name").GetString()), Is.EqualTo(new[] { "Teilnahmebestätigung März.pdf" }));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("Teilnahmebestätigung März.pdf"));
            Assert.That(download.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            // Stored under a generated name: nothing of the user's name reaches the disk.
            Assert.That(Directory.GetFiles(FilesDirectory).Select(Path.GetFileName), Has.None.Contains("Teilnahme"));
        });
    }

    [Test]
    public async Task ContentDecidesTheTypeNotTheNameOrTheSentHeader()
    {
        var id = await CreateEntryAsync("Bild als PDF benannt");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        using var upload = await UploadAsync(id, png, "scan.pdf", "application/pdf");
        var stored = await upload.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("contentType").GetString(), Is.EqualTo("image/png"));
            Assert.That(stored.GetProperty("name").GetString(), Is.EqualTo("scan.pdf.png"));
        });
    }

    private static IEnumerable<TestCaseData> BadUploads()
    {
        yield return new TestCaseData(Array.Empty<byte>(), "leer.pdf", "Die Datei ist leer.").SetName("empty file");
        yield return new TestCaseData(new byte[1024 * 1024 + 1].Select((_, i) => (byte)'a').ToArray(), "gross.txt", "Die Datei ist zu groß (1 MB); höchstens 1 MB erlaubt.").SetName("one byte over the limit");
        yield return new TestCaseData("MZ\u0090\0\u0003\0\0\0"u8.ToArray(), "programm.pdf", "Diese Art von Datei wird hier nicht angenommen (Format nicht erkannt). Erlaubt: PDF, PNG-Bild, JPEG-Bild, Textdatei.").SetName("program named .pdf");
        yield return new TestCaseData("GIF89a\u0001\0\u0001\0"u8.ToArray(), "bild.gif", "Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild). Erlaubt: PDF, PNG-Bild, JPEG-Bild, Textdatei.").SetName("kind the use does not take");
    }

    [TestCaseSource(nameof(BadUploads))]
    public async Task BadUploadIsRefusedAtTheFieldAndLeavesNothingBehind(byte[] content, string name, string message)
    {
        var id = await CreateEntryAsync("Abgelehnte Datei");
        var before = Directory.GetFiles(FilesDirectory).Length;

        using var upload = await UploadAsync(id, content, name);
        var problem = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var list = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/beispiel/eintraege/{id}/dateien");

        Assert.Multiple(() =>
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(upload.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").GetProperty("datei")[0].GetString(), Is.EqualTo(message));
            Assert.That(list.GetArrayLength(), Is.Zero);
            Assert.That(Directory.GetFiles(FilesDirectory), Has.Length.EqualTo(before));
        });
    }

    [Test]
    public async Task UploadWithoutFileAndFileOfAnotherEntryAreRefused()
    {
        var id = await CreateEntryAsync("Ohne Datei");
        var other = await CreateEntryAsync("Andere");
        using var noFile = await StaffApi.PostAsync($"/api/beispiel/eintraege/{id}/dateien", new MultipartFormDataContent { { new StringContent("x"), "titel" } });
        using var upload = await UploadAsync(other, Pdf, "fremd.pdf");
        var fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var foreign = await StaffApi.GetAsync($"/api/beispiel/eintraege/{id}/dateien/{fileId}");

        Assert.Multiple(async () =>
        {
            Assert.That(noFile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("datei")[0].GetString(), Is.EqualTo("Bitte eine Datei wählen."));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task FileOfAnEntryIsReachedOnlyWithinTheEntrysScope()
    {
        var id = await CreateEntryAsync("Nur lesen");
        using var upload = await UploadAsync(id, Pdf, "a.pdf");
        var file = $"/api/beispiel/eintraege/{id}/dateien/{(await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()}";
        using var reader = await TestAccounts.ApiClientAsync(Host, AdminApi, "datei-leserin", TestGrant.For("beispiel.lesen"));
        using var writerElsewhere = await TestAccounts.ApiClientAsync(Host, AdminApi, "datei-schreiberin", TestGrant.For("beispiel.lesen"), TestGrant.For("beispiel.schreiben", "06437011"));
        using var outside = await TestAccounts.ApiClientAsync(Host, AdminApi, "datei-michelstadt", TestGrant.For("beispiel.lesen", "06437011"), TestGrant.For("beispiel.schreiben", "06437011"));

        using var download = await reader.GetAsync(file);
        using var uploadWithoutPermission = await reader.PostAsync($"/api/beispiel/eintraege/{id}/dateien", FileContent(Pdf, "b.pdf"));
        using var uploadOutsideWriteScope = await writerElsewhere.PostAsync($"/api/beispiel/eintraege/{id}/dateien", FileContent(Pdf, "c.pdf"));
        using var deleteOutsideWriteScope = await writerElsewhere.DeleteAsync(file);
        using var downloadOutside = await outside.GetAsync(file);
        using var deleteOutside = await outside.DeleteAsync(file);
        var list = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/beispiel/eintraege/{id}/dateien");

        Assert.Multiple(() =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(uploadWithoutPermission.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(uploadOutsideWriteScope.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(deleteOutsideWriteScope.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(downloadOutside.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(deleteOutside.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list.EnumerateArray().Select(f => f.GetProperty("name").GetString()), Is.EqualTo(new[] { "a.pdf" }));
        });
    }

    [Test]
    public async Task DeletingTheEntryDeletesItsFilesFromDiskAndList()
    {
        var id = await CreateEntryAsync("Wird gelöscht");
        using var upload = await UploadAsync(id, Pdf, "weg.pdf");
        var stored = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var filesBefore = Directory.GetFiles(FilesDirectory).Length;

        using var delete = await StaffApi.DeleteAsync($"/api/beispiel/eintraege/{id}");
        using var list = await StaffApi.GetAsync($"/api/beispiel/eintraege/{id}/dateien");

        Assert.Multiple(() =>
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Directory.GetFiles(FilesDirectory), Has.Length.EqualTo(filesBefore - 1));
            Assert.That(Directory.GetFiles(FilesDirectory).Select(Path.GetFileName), Has.None.EqualTo(Guid.Parse(stored.GetProperty("id").GetString()!).ToString("N")));
        });
    }

    [Test]
    public async Task SingleFileIsDeletedOnce()
    {
        var id = await CreateEntryAsync("Eine Datei weniger");
        using var upload = await UploadAsync(id, Pdf, "eins.pdf");
        var fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var first = await StaffApi.DeleteAsync($"/api/beispiel/eintraege/{id}/dateien/{fileId}");
        using var second = await StaffApi.DeleteAsync($"/api/beispiel/eintraege/{id}/dateien/{fileId}");
        using var download = await StaffApi.GetAsync($"/api/beispiel/eintraege/{id}/dateien/{fileId}");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task FilesCountInTheModuleSizeAndGoIntoTheBackup()
    {
        var id = await CreateEntryAsync("Gesichert");
        using var upload = await UploadAsync(id, Pdf, "gesichert.pdf");
        var fileId = Guid.Parse((await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        var modules = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var beispiel = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Beispiel" && m.GetProperty("state").GetString() == "Enabled");
        using var backup = await AdminApi.PostAsync("/api/admin/backup", null);
        var folder = (await backup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("folder").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(beispiel.GetProperty("fileBytes").GetInt64(), Is.EqualTo(Directory.GetFiles(FilesDirectory).Sum(f => new FileInfo(f).Length)).And.GreaterThanOrEqualTo(Pdf.Length));
            Assert.That(File.ReadAllBytes(Path.Combine(folder, "files", "Beispiel", fileId.ToString("N"))), Is.EqualTo(Pdf));
        });
    }

    [Test]
    public async Task PageFormUploadsAndShowsARefusalInline()
    {
        var id = await CreateEntryAsync("Formular");
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

        using var refused = await PostPageFormAsync(browser, id, "GIF89a\u0001\0\u0001\0"u8.ToArray(), "bild.gif");
        var refusedPage = await refused.Content.ReadAsStringAsync();
        using var saved = await PostPageFormAsync(browser, id, Pdf, "Nachweis.pdf");
        var page = await browser.GetStringAsync($"/beispiel/eintraege/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refusedPage, Does.Contain("Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild)"));
            Assert.That(refusedPage, Does.Contain("aria-invalid=\"true\""));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page, Does.Contain("Nachweis.pdf"));
            Assert.That(page, Does.Contain("Nachweise (1)"));
        });
    }

    [Test]
    public async Task DsgvoExportCarriesThePersonsFilesAndErasureDeletesThem()
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Anmeldung mit Nachweis", kommuneAgs = "06437006", personName = "Jelena Dateiova" });
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        using var upload = await UploadAsync(id, Pdf, "zeugnis.pdf");
        var filesBefore = Directory.GetFiles(FilesDirectory).Length;

        using var exportResponse = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/export", new { name = "Jelena Dateiova" });
        var export = (await exportResponse.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            name = "Jelena Dateiova",
            records = new[] { new { module = "Beispiel", recordType = "Eintrag", recordId = id.ToString() } },
        });
        var list = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/beispiel/eintraege/{id}/dateien");

        Assert.Multiple(() =>
        {
            var file = export.GetProperty("files").EnumerateArray().Single();
            Assert.That(file.GetProperty("name").GetString(), Is.EqualTo("zeugnis.pdf"));
            Assert.That(Convert.FromBase64String(file.GetProperty("contentBase64").GetString()!), Is.EqualTo(Pdf));
            Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list.GetArrayLength(), Is.Zero);
            Assert.That(Directory.GetFiles(FilesDirectory), Has.Length.EqualTo(filesBefore - 1));
        });
    }

    private async Task<Guid> CreateEntryAsync(string titel)
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel, kommuneAgs = "06437006" });
        return Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private Task<HttpResponseMessage> UploadAsync(Guid id, byte[] content, string name, string contentType = "application/octet-stream")
        => StaffApi.PostAsync($"/api/beispiel/eintraege/{id}/dateien", FileContent(content, name, contentType));

    internal static MultipartFormDataContent FileContent(byte[] content, string name, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "datei", name } };
    }

    private static async Task<HttpResponseMessage> PostPageFormAsync(HttpClient browser, Guid id, byte[] content, string name)
    {
        var page = await browser.GetStringAsync($"/beispiel/eintraege/{id}");
        var form = new MultipartFormDataContent
        {
            { new StringContent("datei-hochladen"), "_handler" },
            { new StringContent(PlatformHost.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // The field's name as the page renders it: the path of the form model's property.
        form.Add(file, "Input.Datei", name);
        return await browser.PostAsync($"/beispiel/eintraege/{id}", form);
    }
}
