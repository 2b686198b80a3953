using System.Text.Json;
using Platform.Identity.Users;
using Platform.Records.Validation;

namespace Platform.Api.Auth;

/// <summary>A user as the API shows it (never the password hash), and the members a request body may set.</summary>
internal static class UserJson
{
    /// <summary>What an administrator may set on update; anything else (id, user_name, password_hash, lockout) is refused.</summary>
    private static readonly HashSet<string> Updatable = ["display_name", "email", "business_unit", "teams", "roles", "manager_id", "is_active"];

    private static readonly HashSet<string> Creatable = [.. Updatable, "user_name", "password"];

    public static object Write(PlatformUser user) => new
    {
        id = user.Id,
        user_name = user.UserName,
        display_name = user.DisplayName,
        email = user.Email,
        is_active = user.IsActive,
        business_unit = user.BusinessUnit,
        teams = user.Teams,
        roles = user.Roles,
        manager_id = user.ManagerId,
        locked_until = user.IsLockedOut(DateTime.UtcNow) ? user.LockoutEnd : null,
        created_at = user.CreatedAt,
        modified_at = user.ModifiedAt,
    };

    public static NewUser ReadNew(JsonElement body)
    {
        var errors = new List<FieldError>();
        CheckMembers(body, Creatable, errors);
        var user = new NewUser(
            Text(body, "user_name", errors), Text(body, "password", errors), Text(body, "display_name", errors), Text(body, "email", errors),
            Text(body, "business_unit", errors), Names(body, "teams", errors), Names(body, "roles", errors), Id(body, "manager_id", errors),
            Flag(body, "is_active", errors) ?? true);
        if (errors.Count > 0) throw new Platform.Records.RecordValidationException(errors);
        return user;
    }

    /// <summary>Applies a partial update: members not given keep their value.</summary>
    public static PlatformUser ReadChanges(JsonElement body, PlatformUser user)
    {
        var errors = new List<FieldError>();
        CheckMembers(body, Updatable, errors);
        if (Has(body, "display_name")) user = user with { DisplayName = Text(body, "display_name", errors)?.Trim() ?? "" };
        if (Has(body, "email")) user = user with { Email = Blank(Text(body, "email", errors)) };
        if (Has(body, "business_unit")) user = user with { BusinessUnit = Blank(Text(body, "business_unit", errors)) };
        if (Has(body, "teams")) user = user with { Teams = Names(body, "teams", errors) ?? [] };
        if (Has(body, "roles")) user = user with { Roles = Names(body, "roles", errors) ?? [] };
        if (Has(body, "manager_id")) user = user with { ManagerId = Id(body, "manager_id", errors) };
        if (Has(body, "is_active")) user = user with { IsActive = Flag(body, "is_active", errors) ?? user.IsActive };
        if (errors.Count > 0) throw new Platform.Records.RecordValidationException(errors);
        return user;
    }

    private static void CheckMembers(JsonElement body, HashSet<string> allowed, List<FieldError> errors)
    {
        foreach (var member in body.EnumerateObject())
        {
            if (!allowed.Contains(member.Name))
                errors.Add(new FieldError("/" + member.Name, $"'{member.Name}' cannot be set here; allowed: {string.Join(", ", allowed.Order())}."));
        }
    }

    private static bool Has(JsonElement body, string name) => body.TryGetProperty(name, out _);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(JsonElement body, string name, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(new FieldError("/" + name, "Expected a string."));
        return null;
    }

    private static bool? Flag(JsonElement body, string name, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        errors.Add(new FieldError("/" + name, "Expected true or false."));
        return null;
    }

    private static Guid? Id(JsonElement body, string name, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) return id;
        errors.Add(new FieldError("/" + name, "Expected a user id (UUID)."));
        return null;
    }

    private static IReadOnlyList<string>? Names(JsonElement body, string name, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            return value.EnumerateArray().Select(v => v.GetString()!).ToList();
        errors.Add(new FieldError("/" + name, "Expected an array of names."));
        return null;
    }
}
