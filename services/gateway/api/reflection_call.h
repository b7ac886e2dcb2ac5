#pragma once
// A server reflection stream on the gateway: the caller is authenticated first (a token
// or a mapped client certificate, as for any call; the rate limit applies), then each
// request is answered from the public API's descriptors (domain/reflection.h). One
// access line per stream.

#include "grpcpp/generic/async_generic_service.h"

namespace paizhu::gateway {

class ProxyService;

grpc::ServerGenericBidiReactor* NewReflectionCall(ProxyService* service,
                                                  grpc::GenericCallbackServerContext* ctx);

}  // namespace paizhu::gateway
