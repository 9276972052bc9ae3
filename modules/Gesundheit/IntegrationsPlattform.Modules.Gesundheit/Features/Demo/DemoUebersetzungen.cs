using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// Translations of the demo offers into the deployment's public languages, so that the staff overview has work to
/// show: most offers are translated, some only their title, some not at all, and for every fifth the German
/// description changed after it was translated (its translations are outdated). Texts follow the categories'
/// templates in <see cref="DemoKataloge.Vorlagen"/>: per category the three titles in order, then the description.
/// </summary>
internal static class DemoUebersetzungen
{
    private sealed record Sprache(string TitelMitOrt, string Anmeldung, Dictionary<string, (string[] Titel, string Beschreibung)> Vorlagen);

    private static readonly Dictionary<string, Sprache> Sprachen = new()
    {
        ["en"] = new("{0} in {1}", "By phone or e-mail with the provider; an interpreter can come along.", new()
        {
            ["u_untersuchungen"] = (["Child check-ups without waiting", "Check-ups U1 to U9", "J1 check-up for teenagers"], "Your child's early detection check-ups; please bring the yellow booklet."),
            ["impfungen"] = (["Vaccination consultation", "Vaccination day for children", "Vaccination advice with a check of your vaccination record"], "Advice and vaccination following the STIKO recommendations; your vaccination record is checked."),
            ["zahnprophylaxe"] = (["Tooth-brushing school at the daycare centre", "Dentist visit for little ones", "Fluoride varnish day"], "Children learn to brush their teeth through play; parents get tips for healthy teeth."),
            ["fruehe_hilfen"] = (["A family midwife visits you", "Baby consultation", "Welcome visit for newborns"], "Support during pregnancy, birth and the first year of life, at home or at the family centre."),
            ["bewegung"] = (["Parent and child gymnastics", "Children's gymnastics", "Swimming course for beginners"], "Games, sport and exercise in a group; you can register at any time."),
            ["ernaehrung"] = (["Healthy cooking with children", "Family breakfast", "Advice on first solid foods"], "Cooking and eating simple, healthy recipes together."),
            ["sprachentwicklung"] = (["Language support through play", "Consultation on language development", "Growing up multilingual – parents' evening"], "Advice on whether your child's language is developing well; multilingualism is welcome."),
            ["psychische_gesundheit"] = (["Open consultation for families", "Group for children with worries", "Parents' café: strong through hard times"], "Confidential advice on worries, fears or strain in the family."),
        }),
        ["tr"] = new("{0} – {1}", "Sağlayıcıya telefonla veya e-postayla; bir tercüman da sizinle gelebilir.", new()
        {
            ["u_untersuchungen"] = (["Beklemeden çocuk muayeneleri", "U1'den U9'a kadar check-up", "Gençler için J1 muayenesi"], "Çocuğunuzun erken teşhis muayeneleri; lütfen sarı kitapçığı yanınızda getirin."),
            ["impfungen"] = (["Aşı danışma saati", "Çocuklar için aşı günü", "Aşı kartı kontrolüyle aşı danışmanlığı"], "STIKO önerilerine göre danışmanlık ve aşı; aşı kartınız kontrol edilir."),
            ["zahnprophylaxe"] = (["Kreşte diş fırçalama okulu", "Küçükler için diş hekimi ziyareti", "Florür cila günü"], "Çocuklar oyun yoluyla diş fırçalamayı öğrenir; ebeveynler sağlıklı dişler için ipuçları alır."),
            ["fruehe_hilfen"] = (["Aile ebesi sizi ziyaret ediyor", "Bebek danışma saati", "Yeni doğanlar için hoş geldin ziyareti"], "Hamilelik, doğum ve ilk yıl boyunca evde veya aile merkezinde destek."),
            ["bewegung"] = (["Ebeveyn-çocuk jimnastiği", "Çocuk jimnastiği", "Yeni başlayanlar için yüzme kursu"], "Grupta oyun, spor ve hareket; kayıt her zaman mümkündür."),
            ["ernaehrung"] = (["Çocuklarla sağlıklı yemek pişirme", "Aile kahvaltısı", "Ek gıda danışmanlığı"], "Basit, sağlıklı tarifleri birlikte pişirip yemek."),
            ["sprachentwicklung"] = (["Oyunla dil desteği", "Dil gelişimi danışma saati", "Çok dilli büyümek – veli akşamı"], "Çocuğunuzun dilinin iyi gelişip gelişmediğine dair danışmanlık; çok dillilik memnuniyetle karşılanır."),
            ["psychische_gesundheit"] = (["Aileler için açık danışma saati", "Endişeli çocuklar için grup", "Veli kafesi: Zor zamanlarda güçlü kalmak"], "Ailedeki endişeler, korkular veya zorluklar için gizli danışmanlık."),
        }),
        ["ar"] = new("{0} في {1}", "عبر الهاتف أو البريد الإلكتروني لدى مقدم الخدمة؛ يمكن أن ترافقكم مترجمة.", new()
        {
            ["u_untersuchungen"] = (["فحوصات الأطفال دون انتظار", "الفحوصات الوقائية من U1 إلى U9", "فحص J1 للمراهقين"], "فحوصات الكشف المبكر لطفلكم؛ يرجى إحضار الكتيب الأصفر."),
            ["impfungen"] = (["استشارة التطعيم", "يوم التطعيم للأطفال", "استشارة التطعيم مع فحص بطاقة التطعيم"], "استشارة وتطعيم وفق توصيات اللجنة الدائمة للتطعيم (STIKO)؛ يتم فحص بطاقة التطعيم."),
            ["zahnprophylaxe"] = (["مدرسة تنظيف الأسنان في الروضة", "زيارة طبيب الأسنان للصغار", "يوم طلاء الفلورايد"], "يتعلم الأطفال تنظيف أسنانهم من خلال اللعب؛ ويحصل الأهل على نصائح لأسنان صحية."),
            ["fruehe_hilfen"] = (["قابلة الأسرة تزوركم", "استشارة الرضع", "زيارة ترحيبية للمواليد الجدد"], "دعم خلال الحمل والولادة والسنة الأولى من العمر، في المنزل أو في مركز الأسرة."),
            ["bewegung"] = (["رياضة الأهل والطفل", "رياضة الأطفال", "دورة سباحة للمبتدئين"], "لعب ورياضة وحركة في مجموعة، التسجيل ممكن في أي وقت."),
            ["ernaehrung"] = (["طبخ صحي مع الأطفال", "فطور عائلي", "استشارة حول الأغذية التكميلية"], "طبخ وتناول وصفات بسيطة وصحية معًا."),
            ["sprachentwicklung"] = (["دعم اللغة من خلال اللعب", "استشارة حول تطور اللغة", "النشأة بعدة لغات – أمسية للأهل"], "استشارة حول ما إذا كانت لغة طفلكم تتطور بشكل جيد؛ تعدد اللغات مرحب به."),
            ["psychische_gesundheit"] = (["استشارة مفتوحة للعائلات", "مجموعة للأطفال الذين لديهم هموم", "مقهى الأهل: أقوياء في الأوقات الصعبة"], "استشارة سرية عند الهموم أو المخاوف أو الضغوط في الأسرة."),
        }),
        ["uk"] = new("{0} – {1}", "Телефоном або електронною поштою в організатора; перекладачка може прийти разом із вами.", new()
        {
            ["u_untersuchungen"] = (["Огляди дітей без очікування", "Профілактичні огляди U1–U9", "Огляд J1 для підлітків"], "Профілактичні огляди вашої дитини; будь ласка, візьміть із собою жовту книжечку."),
            ["impfungen"] = (["Консультація щодо щеплень", "День щеплень для дітей", "Консультація щодо щеплень з перевіркою щеплювального паспорта"], "Консультація та щеплення згідно з рекомендаціями STIKO; щеплювальний паспорт перевіряють."),
            ["zahnprophylaxe"] = (["Школа чищення зубів у дитсадку", "Візит до стоматолога для малюків", "День фторного лаку"], "Діти в грі вчаться чистити зуби; батьки отримують поради для здорових зубів."),
            ["fruehe_hilfen"] = (["Сімейна акушерка відвідає вас", "Консультація для немовлят", "Вітальний візит для новонароджених"], "Підтримка під час вагітності, пологів і першого року життя — вдома або в сімейному центрі."),
            ["bewegung"] = (["Гімнастика для батьків і дітей", "Дитяча гімнастика", "Курс плавання для початківців"], "Ігри, спорт і рух у групі, записатися можна будь-коли."),
            ["ernaehrung"] = (["Здорове готування з дітьми", "Сімейний сніданок", "Консультація щодо прикорму"], "Разом готуємо та їмо прості, здорові страви."),
            ["sprachentwicklung"] = (["Мовний розвиток через гру", "Консультація з мовного розвитку", "Зростати багатомовними – батьківські збори"], "Консультація, чи добре розвивається мовлення вашої дитини; багатомовність вітається."),
            ["psychische_gesundheit"] = (["Відкрита консультація для сімей", "Група для дітей, які мають турботи", "Батьківське кафе: сильні у важкі часи"], "Конфіденційна консультація при турботах, страхах чи навантаженнях у родині."),
        }),
        ["ru"] = new("{0} – {1}", "По телефону или электронной почте у организатора; переводчица может прийти вместе с вами.", new()
        {
            ["u_untersuchungen"] = (["Детские осмотры без ожидания", "Профилактические осмотры U1–U9", "Осмотр J1 для подростков"], "Профилактические осмотры вашего ребёнка; пожалуйста, возьмите с собой жёлтую книжечку."),
            ["impfungen"] = (["Консультация по прививкам", "День прививок для детей", "Консультация по прививкам с проверкой прививочного паспорта"], "Консультация и вакцинация по рекомендациям STIKO; прививочный паспорт проверяется."),
            ["zahnprophylaxe"] = (["Школа чистки зубов в детском саду", "Визит к стоматологу для малышей", "День фторлака"], "Дети в игре учатся чистить зубы; родители получают советы для здоровых зубов."),
            ["fruehe_hilfen"] = (["Семейная акушерка навестит вас", "Консультация для младенцев", "Приветственный визит к новорождённым"], "Поддержка во время беременности, родов и первого года жизни — дома или в семейном центре."),
            ["bewegung"] = (["Гимнастика для родителей и детей", "Детская гимнастика", "Курс плавания для начинающих"], "Игры, спорт и движение в группе, записаться можно в любое время."),
            ["ernaehrung"] = (["Здоровая кухня вместе с детьми", "Семейный завтрак", "Консультация по прикорму"], "Вместе готовим и едим простые и полезные блюда."),
            ["sprachentwicklung"] = (["Развитие речи в игре", "Консультация по развитию речи", "Расти многоязычным – родительское собрание"], "Консультация о том, хорошо ли развивается речь вашего ребёнка; многоязычие приветствуется."),
            ["psychische_gesundheit"] = (["Открытая консультация для семей", "Группа для детей с заботами", "Родительское кафе: сильные в трудные времена"], "Конфиденциальная консультация при заботах, страхах или нагрузках в семье."),
        }),
        ["fa"] = new("{0} در {1}", "از طریق تلفن یا ایمیل نزد ارائه‌دهنده؛ یک مترجم می‌تواند همراه شما بیاید.", new()
        {
            ["u_untersuchungen"] = (["معاینات کودکان بدون انتظار", "معاینات پیشگیرانه U1 تا U9", "معاینه J1 برای نوجوانان"], "معاینات تشخیص زودهنگام کودک شما؛ لطفاً دفترچه زرد را همراه بیاورید."),
            ["impfungen"] = (["مشاوره واکسیناسیون", "روز واکسیناسیون کودکان", "مشاوره واکسیناسیون با بررسی کارت واکسن"], "مشاوره و واکسیناسیون طبق توصیه‌های STIKO؛ کارت واکسن بررسی می‌شود."),
            ["zahnprophylaxe"] = (["مدرسه مسواک زدن در مهدکودک", "ویزیت دندانپزشک برای کوچولوها", "روز وارنیش فلوراید"], "کودکان با بازی مسواک زدن را یاد می‌گیرند؛ والدین نکاتی برای دندان‌های سالم دریافت می‌کنند."),
            ["fruehe_hilfen"] = (["مامای خانواده به دیدن شما می‌آید", "مشاوره نوزادان", "دیدار خوشامدگویی برای نوزادان"], "حمایت در دوران بارداری، زایمان و سال اول زندگی، در خانه یا در مرکز خانواده."),
            ["bewegung"] = (["ورزش والدین و کودک", "ژیمناستیک کودکان", "دوره شنا برای مبتدیان"], "بازی، ورزش و حرکت در گروه، ثبت‌نام در هر زمان ممکن است."),
            ["ernaehrung"] = (["آشپزی سالم با کودکان", "صبحانه خانوادگی", "مشاوره غذای کمکی"], "پختن و خوردن غذاهای ساده و سالم با هم."),
            ["sprachentwicklung"] = (["تقویت زبان از طریق بازی", "مشاوره رشد زبان", "چندزبانه بزرگ شدن – جلسه والدین"], "مشاوره درباره اینکه آیا زبان کودک شما به خوبی رشد می‌کند؛ چندزبانگی خوشایند است."),
            ["psychische_gesundheit"] = (["مشاوره باز برای خانواده‌ها", "گروه برای کودکانی که نگرانی دارند", "کافه والدین: قوی در روزهای سخت"], "مشاوره محرمانه برای نگرانی‌ها، ترس‌ها یا فشارها در خانواده."),
        }),
    };

    /// <summary>
    /// Writes title, description and registration of an offer in every public language but German (the benchmark set):
    /// a language without demo texts here gets the English ones — what the benchmark measures is rows, not wording.
    /// </summary>
    public static async Task AlleAsync(ModuleTransaction tx, DeploymentInfo deployment, string id, int i, string kategorie, Municipality kommune, string jetzt, string wer)
    {
        foreach (var code in deployment.PublicLanguages.Select(l => l.Code).Where(c => c != Languages.German.Code))
        {
            var sprache = Sprachen.GetValueOrDefault(code, Sprachen["en"]);
            var vorlage = sprache.Vorlagen.GetValueOrDefault(kategorie, sprache.Vorlagen["u_untersuchungen"]);
            await SchreibenAsync(tx, id, code, Texte(sprache, vorlage, i, kommune, mitBeschreibung: true), jetzt, wer);
        }
    }

    /// <summary>The German sentence added to the description after the translations were made, which outdates them.</summary>
    public const string Nachtrag = " Neu: nach Absprache auch samstags.";

    /// <summary>
    /// Writes the translations of offer number <paramref name="i"/> into its working version (the language at
    /// position j is left out when (i + j) is a multiple of 4, has only its title when it leaves 1) and returns the
    /// input, whose German description has changed since for every fifth offer (already written, raising its revision).
    /// </summary>
    public static async Task<AngebotEingabe> SchreibenAsync(ModuleTransaction tx, DeploymentInfo deployment, string id, int i, string kategorie,
        Municipality kommune, AngebotEingabe eingabe, string jetzt, string wer)
    {
        var sprachen = Sprachen.Where(s => deployment.OffersPublicly(s.Key)).ToList();
        for (var j = 0; j < sprachen.Count; j++)
        {
            var (code, sprache) = sprachen[j];
            if ((i + j) % 4 == 0)
            {
                continue;
            }

            var vorlage = sprache.Vorlagen.GetValueOrDefault(kategorie, sprache.Vorlagen["u_untersuchungen"]);
            await SchreibenAsync(tx, id, code, Texte(sprache, vorlage, i, kommune, mitBeschreibung: (i + j) % 4 != 1), jetzt, wer);
        }

        if (i % 5 != 2)
        {
            return eingabe;
        }

        var geaendert = eingabe with { Beschreibung = eingabe.Beschreibung + Nachtrag };
        await AngebotSchreiben.ArbeitsfassungAsync(tx, id, geaendert, geaendert.AnbieterId!, jetzt, wer);
        return geaendert;
    }

    private static List<(string Feld, string Text)> Texte(Sprache sprache, (string[] Titel, string Beschreibung) vorlage, int i, Municipality kommune, bool mitBeschreibung)
    {
        var texte = new List<(string Feld, string Text)> { ("titel", string.Format(CultureInfo.InvariantCulture, sprache.TitelMitOrt, vorlage.Titel[i % vorlage.Titel.Length], kommune.Name)) };
        if (mitBeschreibung)
        {
            texte.Add(("beschreibung", vorlage.Beschreibung));
            texte.Add(("anmeldung", sprache.Anmeldung));
        }

        return texte;
    }

    /// <summary>The translations of an offer's working version in one language, each made from the German text's current revision.</summary>
    private static Task<int> SchreibenAsync(ModuleTransaction tx, string id, string code, List<(string Feld, string Text)> texte, string jetzt, string wer)
        => tx.Connection.ExecuteAsync(
            """
            INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von)
            SELECT @id, 'arbeit', @code, @Feld, @Text, 1, revision, @jetzt, @wer FROM angebot_texte
            WHERE angebot_id = @id AND fassung = 'arbeit' AND sprache = 'de' AND feld = @Feld
            """,
            texte.Select(t => new { id, code, t.Feld, t.Text, jetzt, wer }), tx.Sql);
}
