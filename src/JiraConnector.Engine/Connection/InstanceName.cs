using System.Text.RegularExpressions;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>What an instance name may look like: it is typed in -Instance and matched by
    /// Get-JiraInstance's wildcards, so no spaces and no wildcard characters.</summary>
    internal static class InstanceName
    {
        private static readonly Regex Valid = new Regex(@"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$", RegexOptions.CultureInvariant);

        public static string Check(string name, string parameterName)
        {
            if (Valid.IsMatch(name)) return name;
            throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, 
                $"The instance name '{name}' is not valid: use up to 64 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit.",
                parameterName);
        }
    }
}
