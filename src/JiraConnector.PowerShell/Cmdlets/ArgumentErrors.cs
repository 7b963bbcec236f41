using System;

namespace JiraConnector.Cmdlets
{
    /// <summary>ErrorIds for bad input found by the resource layer, by the parameter it names.</summary>
    internal static class ArgumentErrors
    {
        public static string IdFor(ArgumentException exception)
        {
            switch (exception.ParamName)
            {
                case "Object": return "UnknownObject";
                case "Project": return "ProjectRequired";
                case "Fields": return "InvalidField";
                case "Id": return "InvalidId";
                case "Status": return "NoSuchTransition";
                case "Verb": return "OperationNotSupported";
                default: return "InvalidArgument";
            }
        }
    }
}
