using Platform.Templates;

namespace Platform.Messaging.Tests.Templates;

public sealed class TemplateRendererTests
{
    private static readonly Guid AccountId = Guid.Parse("0195a6a4-0000-7000-8000-000000000001");
    private static readonly Guid OwnerId = Guid.Parse("0195a6a4-0000-7000-8000-000000000002");

    private static TemplateRenderer Renderer(TemplateLimits? limits = null) => new(new TemplateCache(), limits);

    private static TemplateRecord Contact(Guid? account = null) => new("contact", Guid.Parse("0195a6a4-0000-7000-8000-0000000000c1"),
        new Dictionary<string, object?> { ["full_name"] = "Zoë Ünal", ["score"] = 42L, ["account"] = account ?? AccountId },
        new Dictionary<string, string> { ["account"] = "account" });

    private static readonly TemplateRecord Account = new("account", AccountId,
        new Dictionary<string, object?> { ["name"] = "Acme", ["owner"] = OwnerId }, new Dictionary<string, string> { ["owner"] = "user" });

    private static readonly TemplateRecord Owner = new("user", OwnerId, new Dictionary<string, object?> { ["user_name"] = "olivia" }, new Dictionary<string, string>());

    [Fact]
    public async Task Renders_record_fields_user_and_variables()
    {
        var model = new TemplateModel
        {
            Record = Contact(),
            User = new Dictionary<string, object?> { ["name"] = "Sam" },
            Variables = new Dictionary<string, object?> { ["link"] = "https://crm.example/c/1", ["items"] = new[] { "a", "b" } },
        };

        var text = await Renderer().RenderAsync("t1", "greeting", "Hi {{ user.name }}: {{ record.full_name }} ({{ record.score + 1 }}) {{ link }} {{ items | array.join ',' }}", model, null, default);

        Assert.Equal("Hi Sam: Zoë Ünal (43) https://crm.example/c/1 a,b", text);
    }

    [Fact]
    public async Task Lookups_are_followed_through_the_loader_only_as_far_as_the_template_reads()
    {
        var loader = new InMemoryRecordLoader(Account, Owner);
        var model = new TemplateModel { Record = Contact(), Records = loader };

        var text = await Renderer().RenderAsync("t1", "subject", "{{ record.full_name }} at {{ record.account.name }}, owned by {{ record.account.owner.user_name }}", model, null, default);

        Assert.Equal("Zoë Ünal at Acme, owned by olivia", text);
        Assert.Equal([("account", AccountId), ("user", OwnerId)], loader.Loads);

        loader.Loads.Clear();
        Assert.Equal("Zoë Ünal", await Renderer().RenderAsync("t1", "name", "{{ record.full_name }}", model, null, default));
        Assert.Empty(loader.Loads);
    }

    [Fact]
    public async Task A_missing_related_record_renders_as_nothing_and_without_a_loader_a_lookup_has_only_its_id()
    {
        var dangling = new TemplateModel { Record = Contact(Guid.Parse("0195a6a4-0000-7000-8000-0000000000ff")), Records = new InMemoryRecordLoader() };
        Assert.Equal("[]", await Renderer().RenderAsync("t1", "x", "[{{ record.account.name }}]", dangling, null, default));

        var noLoader = new TemplateModel { Record = Contact() };
        Assert.Equal($"{AccountId}|", await Renderer().RenderAsync("t1", "x", "{{ record.account.id }}|{{ record.account.name }}", noLoader, null, default));
    }

    [Fact]
    public async Task Reading_more_related_records_than_the_limit_fails_naming_the_limit()
    {
        var model = new TemplateModel { Record = Contact(), Records = new InMemoryRecordLoader(Account, Owner) };

        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer(new TemplateLimits { MaxLookups = 1 }).RenderAsync("t1", "deep", "{{ record.account.owner.user_name }}", model, null, default));

        Assert.Equal("lookups", error.Limit);
    }

    [Fact]
    public async Task Includes_are_read_from_the_templates_folder_through_the_callers_files()
    {
        var files = new InMemoryTemplateFiles(new Dictionary<string, string> { ["partials/footer.sbn"] = "-- {{ user.name }}" });
        var model = new TemplateModel { User = new Dictionary<string, object?> { ["name"] = "Sam" } };

        var text = await Renderer().RenderAsync("t1", "body", "Hello{{ include 'partials/footer.sbn' }}|{{ include 'templates/partials/footer.sbn' }}", model, files, default);

        Assert.Equal("Hello-- Sam|-- Sam", text);
        Assert.All(files.Requested, path => Assert.Equal("partials/footer.sbn", path));
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("../other-module/templates/x.sbn", "'..'")]
    [InlineData("partials/../../secret.sbn", "'..'")]
    [InlineData("C:/windows/win.ini", "absolute")]
    [InlineData("partials\\x.sbn", "absolute")]
    public async Task Includes_outside_the_templates_folder_are_refused_before_any_read(string name, string reason)
    {
        var files = new InMemoryTemplateFiles(new Dictionary<string, string>());

        var model = new TemplateModel { Variables = new Dictionary<string, object?> { ["name"] = name } };

        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer().RenderAsync("t1", "body", "line one\n  {{ include name }}", model, files, default));

        Assert.Contains(reason, error.Reason);
        Assert.Equal("body", error.Template);
        Assert.Equal(2, error.Line);
        Assert.Empty(files.Requested);
    }

    [Fact]
    public async Task Without_template_files_no_include_is_allowed()
    {
        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer().RenderAsync("t1", "subject", "{{ include 'x.sbn' }}", TemplateModel.Empty, null, default));

        Assert.Contains("may not include", error.Reason);
    }

    [Fact]
    public async Task A_loop_over_the_loop_limit_fails_with_the_loop_limit_and_its_position()
    {
        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer(new TemplateLimits { LoopLimit = 10 }).RenderAsync("t1", "loop", "ok\n{{ for i in 1..100 }}{{ i }}{{ end }}", TemplateModel.Empty, null, default));

        Assert.Equal("loop", error.Limit);
        Assert.Equal("loop", error.Template);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Recursion_deeper_than_the_limit_fails_with_the_recursion_limit()
    {
        const string text = "{{ func down(n)\n ret n <= 0 ? 0 : down(n - 1)\nend }}{{ down 100 }}";

        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer(new TemplateLimits { RecursiveLimit = 10 }).RenderAsync("t1", "recurse", text, TemplateModel.Empty, null, default));

        Assert.Equal("recursion", error.Limit);
    }

    [Fact]
    public async Task A_template_running_past_the_time_limit_is_stopped()
    {
        const string text = "{{ for a in 1..1000000000 }}{{ x = a + 1 }}{{ end }}";
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer(new TemplateLimits { Timeout = TimeSpan.FromMilliseconds(200), LoopLimit = int.MaxValue }).RenderAsync("t1", "slow", text, TemplateModel.Empty, null, default));

        Assert.True(error.Limit == "time", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_parse_error_names_the_template_line_and_column()
    {
        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer().RenderAsync("t1", "templates/welcome.sbn", "Dear {{ user.name }},\n\n  {{ if record.score > }}", TemplateModel.Empty, null, default));

        Assert.Equal("templates/welcome.sbn", error.Template);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 1);
        Assert.StartsWith($"templates/welcome.sbn(3,{error.Column}): ", error.Message);
    }

    [Fact]
    public async Task A_runtime_error_inside_an_include_names_the_included_template()
    {
        var files = new InMemoryTemplateFiles(new Dictionary<string, string> { ["bad.sbn"] = "fine\n{{ no_such_function(1) }}" });

        var error = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer().RenderAsync("t1", "body", "{{ include 'bad.sbn' }}", TemplateModel.Empty, files, default));

        Assert.Equal("templates/bad.sbn", error.Template);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Import_is_refused_and_no_dotnet_member_of_a_value_is_reachable()
    {
        var import = await Assert.ThrowsAsync<TemplateException>(() =>
            Renderer().RenderAsync("t1", "x", "{{ import record }}", TemplateModel.Empty, null, default));
        Assert.Contains("import", import.Reason);

        var model = new TemplateModel { Variables = new Dictionary<string, object?> { ["moment"] = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) } };
        var text = await Renderer().RenderAsync("t1", "x", "[{{ moment.Ticks }}{{ moment.year }}{{ moment.GetType }}]{{ moment | date.to_string '%Y' }}", model, null, default);
        Assert.Equal("[]2026", text);
    }

    [Fact]
    public void Parsed_templates_are_cached_per_tenant_and_never_shared_across_tenants()
    {
        var cache = new TemplateCache();

        var first = cache.GetOrParse("tenant-a", "subject", "Hello {{ user.name }}");
        var again = cache.GetOrParse("tenant-a", "subject", "Hello {{ user.name }}");
        var other = cache.GetOrParse("tenant-b", "subject", "Hello {{ user.name }}");
        var edited = cache.GetOrParse("tenant-a", "subject", "Hi {{ user.name }}");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.NotSame(first, edited);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task A_template_file_is_rendered_from_the_folder_on_disk_and_includes_cannot_leave_it()
    {
        var root = Directory.CreateTempSubdirectory("templates-");
        try
        {
            var templates = Directory.CreateDirectory(Path.Combine(root.FullName, "module", "templates"));
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "welcome.sbn"), "Welcome {{ user.name }}{{ include 'footer.sbn' }}");
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "footer.sbn"), "!");
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "module", "secret.txt"), "secret");
            var files = new FolderTemplateFiles(templates.FullName);
            var model = new TemplateModel { User = new Dictionary<string, object?> { ["name"] = "Sam" } };

            Assert.Equal("Welcome Sam!", await Renderer().RenderFileAsync("t1", "templates/welcome.sbn", model, files, default));
            Assert.Null(await files.ReadAsync("../secret.txt", default));
            await Assert.ThrowsAsync<TemplateException>(() => Renderer().RenderAsync("t1", "x", "{{ include '../secret.txt' }}", model, files, default));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
