using System;
using System.Management.Automation;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Turns the module's failures into ErrorRecords. The ErrorId comes with the failure
    /// (set where it was raised) and the category from the catalogue (<see cref="ErrorIds"/>); the
    /// cmdlets add only the target object.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            // Failures the module raises carry their id; anything else (a bug, the runtime) is named by its type.
            var errorId = (exception as IJiraError)?.ErrorId
                ?? (exception is ArgumentException ? ErrorIds.InvalidArgument.BadArgument : exception.GetType().FullName!);
            // The target shows in CategoryInfo: a URL's secret query stays out of it as out of the message.
            return new ErrorRecord(exception, errorId, CategoryOf(errorId), target is string text ? Http.UrlRedactor.Redact(text) : target);
        }

        /// <summary>A failure the cmdlet itself finds (an unknown instance, a job of another session).</summary>
        public static ErrorRecord New(string errorId, string message, object? target) =>
            From(new JiraOperationException(errorId, message), target);

        public static ErrorRecord NotFound(string message, string errorId, object? target) =>
            new ErrorRecord(new ItemNotFoundException(message), errorId, CategoryOf(errorId), target);

        private static ErrorCategory CategoryOf(string errorId) =>
            Enum.TryParse<ErrorCategory>(ErrorIds.CategoryOf(errorId), out var category) ? category : ErrorCategory.NotSpecified;
    }
}
