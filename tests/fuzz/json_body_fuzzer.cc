// Fuzzes the gateway's JSON request decoder (services/gateway/api/json_body.cc) over the
// suite's real request types. The first byte picks a request type of the protos, the
// rest is the body. Any body: no crash, and a body it accepts is a request that prints
// as JSON and reads back as the same request.

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "services/gateway/api/json_body.h"

namespace {

namespace pb = google::protobuf;

struct Fixture {
  pb::DescriptorPool pool;
  pb::DynamicMessageFactory factory{&pool};
  std::vector<const pb::Message*> requests;  // every method's input type, in file order
};

const Fixture& Get() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    std::ifstream in(PAIZHU_DESCRIPTORS, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    pb::FileDescriptorSet set;
    if (!set.ParseFromString(bytes.str())) std::abort();
    for (const auto& file : set.file()) {
      if (f->pool.BuildFile(file) == nullptr) std::abort();
    }
    for (const auto& file : set.file()) {
      const pb::FileDescriptor* fd = f->pool.FindFileByName(file.name());
      for (int s = 0; s < fd->service_count(); ++s) {
        for (int m = 0; m < fd->service(s)->method_count(); ++m) {
          f->requests.push_back(f->factory.GetPrototype(fd->service(s)->method(m)->input_type()));
        }
      }
    }
    if (f->requests.empty()) std::abort();
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Fixture& f = Get();
  const pb::Message* prototype = f.requests[data[0] % f.requests.size()];
  std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::unique_ptr<pb::Message> request(prototype->New());
  if (!paizhu::gateway::DecodeJsonBody(body, request.get()).ok()) return 0;

  std::string json;
  pb::util::JsonPrintOptions print;
  print.preserve_proto_field_names = true;
  if (!pb::util::MessageToJsonString(*request, &json, print).ok()) std::abort();
  std::unique_ptr<pb::Message> again(prototype->New());
  if (!paizhu::gateway::DecodeJsonBody(json, again.get()).ok()) std::abort();
  pb::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);  // "NaN" reads back as a NaN, never equal to itself
  pb::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  if (!differencer.Compare(*request, *again)) std::abort();
  return 0;
}
