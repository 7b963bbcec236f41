using System.Management.Automation;
using System.Text.RegularExpressions;
using JiraConnector.Errors;
using JiraConnector.Cmdlets;

namespace JiraConnector.Tests.Unit.Errors;

/// <summary>The one catalogue of ErrorIds: every group is a PowerShell error category, and every id
/// the sources use comes from it.</summary>
public sealed class ErrorIdsTests
{
    [Fact]
    public void Every_group_of_the_catalogue_is_an_error_category()
    {
        var categories = ErrorIds.All.Values.Distinct().ToList();

        Assert.NotEmpty(categories);
        Assert.All(categories, name => Assert.True(Enum.TryParse<ErrorCategory>(name, out _), $"{name} is not an ErrorCategory"));
    }

    [Fact]
    public void Ids_give_their_category_and_unknown_ones_InvalidOperation()
    {
        Assert.Equal("ObjectNotFound", ErrorIds.CategoryOf(ErrorIds.ObjectNotFound.JiraNotFound));
        Assert.Equal("InvalidArgument", ErrorIds.CategoryOf(ErrorIds.InvalidArgument.UnknownObject));
        Assert.Equal("InvalidOperation", ErrorIds.CategoryOf("NoSuchId"));
    }

    /// <summary>An id written as a string literal where an ErrorRecord is made would escape the
    /// catalogue (and its category); this reads the module's sources for such literals.</summary>
    [Fact]
    public void No_source_file_writes_an_error_id_as_a_literal()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src"));
        var literal = new Regex("(ErrorRecords\\.(From|New|NotFound)|new ErrorRecord|Exception)\\([^;]*\"(" + string.Join("|", ErrorIds.All.Keys) + ")\"");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("ErrorIds.cs", StringComparison.Ordinal))
            .Where(f => literal.IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(Directory.Exists(root), root);
        Assert.Empty(offenders);
    }
}
