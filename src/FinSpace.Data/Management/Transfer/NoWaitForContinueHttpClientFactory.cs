#if NET8_0_OR_GREATER
using System;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;

namespace FinSpace.Management.Transfer
{
    /// <summary>
    /// HTTP for S3 uploads that sends a request body at once instead of waiting for "100 Continue".
    /// AWSSDK.S3 asks for Expect: 100-continue on every PUT of a file or part; a server that never
    /// answers it (moto_server, other S3-compatible stores) then costs HttpClient's full
    /// Expect100ContinueTimeout (1 s) per part. Real S3 answers at once, so nothing is lost there.
    /// </summary>
    internal sealed class NoWaitForContinueHttpClientFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var sockets = new SocketsHttpHandler
            {
                Expect100ContinueTimeout = TimeSpan.Zero,
                AutomaticDecompression = DecompressionMethods.None,
                MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer ?? int.MaxValue,
                UseProxy = clientConfig.GetWebProxy() is not null,
                Proxy = clientConfig.GetWebProxy(),
            };
            var handler = new NoExpectContinueHandler { InnerHandler = sockets };
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>Drops the Expect: 100-continue the SDK puts on each PUT, so the body goes with the headers.</summary>
        private sealed class NoExpectContinueHandler : DelegatingHandler
        {
            protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                request.Headers.ExpectContinue = false;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
#endif
