using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HonchoBot.Store.Postgres;

/// <summary>The schema migrations embedded in this assembly, in version order, numbered 1, 2, 3… without gaps.</summary>
public static class MigrationCatalog
{
    private const string Prefix = "HonchoBot.Store.Postgres.Migrations.";

    public static IReadOnlyList<MigrationScript> Shipped { get; } = Load(typeof(MigrationCatalog).Assembly, Prefix);

    internal static IReadOnlyList<MigrationScript> Load(Assembly assembly, string prefix)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..^".sql".Length];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{fileName}.sql' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new MigrationScript(version, fileName[(underscore + 1)..], sql, checksum));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1, 2, 3… without gaps or repeats; found {scripts[i].Version} where {i + 1} was expected.");
            }
        }

        return scripts;
    }
}
