using System.Collections.Generic;

namespace FinSpace.Data.Metadata
{
    /// <summary>One operation of the service model: its route, its shapes and its errors.</summary>
    public sealed class OperationMetadata
    {
        public OperationMetadata(
            string name,
            string httpMethod,
            string requestUri,
            Shape input,
            Shape output,
            IReadOnlyList<string> errors,
            int successStatusCode = 200,
            PagingMetadata? paging = null,
            bool deprecated = false)
        {
            Name = name;
            HttpMethod = httpMethod;
            RequestUri = requestUri;
            Input = input;
            Output = output;
            Errors = errors;
            SuccessStatusCode = successStatusCode;
            Paging = paging;
            Deprecated = deprecated;
        }

        public string Name { get; }
        public string HttpMethod { get; }
        /// <summary>The URI template, e.g. <c>/datasetsv2/{datasetId}</c>.</summary>
        public string RequestUri { get; }
        public Shape Input { get; }
        public Shape Output { get; }
        /// <summary>The error codes the model lists for this operation.</summary>
        public IReadOnlyList<string> Errors { get; }
        public int SuccessStatusCode { get; }
        /// <summary>How the operation pages, or null when it does not.</summary>
        public PagingMetadata? Paging { get; }
        public bool Deprecated { get; }

        /// <summary>True when the input has at least one member that travels in the body.</summary>
        public bool HasBody
        {
            get
            {
                foreach (var member in Input.Members)
                {
                    if (member.Location == MemberLocation.Body)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public override string ToString() => Name;
    }
}
