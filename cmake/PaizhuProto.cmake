# paizhu_proto_library(NAME name PROTOS a.proto b.proto [DEPS other_proto_libs] [ROOT dir])
# Compiles the protos (paths relative to protos/) into one OBJECT library, so that the
# descriptors of everything linked are always in the generated pool (the gateway looks
# methods and their options up by name; a static archive would drop unreferenced files).
# ROOT: where the PROTOS paths start (default protos/; imports also resolve in protos/),
# e.g. for a test's own service.
function(paizhu_proto_library)
  cmake_parse_arguments(P "" "NAME;ROOT" "PROTOS;DEPS" ${ARGN})
  set(root ${PROJECT_SOURCE_DIR}/protos)
  set(extra_path)
  if(P_ROOT)
    set(root ${P_ROOT})
    set(extra_path --proto_path=${PROJECT_SOURCE_DIR}/protos)
  endif()
  set(out ${PROJECT_BINARY_DIR}/gen)
  set(srcs)
  foreach(proto ${P_PROTOS})
    get_filename_component(dir ${proto} DIRECTORY)
    get_filename_component(stem ${proto} NAME_WE)
    set(base ${out}/${dir}/${stem})
    set(gen ${base}.pb.cc ${base}.pb.h ${base}.grpc.pb.cc ${base}.grpc.pb.h)
    add_custom_command(
      OUTPUT ${gen}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${out}
      COMMAND protobuf::protoc --proto_path=${root} ${extra_path} --cpp_out=${out} --grpc_out=${out}
              --plugin=protoc-gen-grpc=${GRPC_CPP_PLUGIN} ${root}/${proto}
      DEPENDS ${root}/${proto} protobuf::protoc
      COMMENT "protoc ${proto}")
    list(APPEND srcs ${base}.pb.cc ${base}.grpc.pb.cc)
  endforeach()
  add_library(${P_NAME} OBJECT ${srcs})
  target_include_directories(${P_NAME} PUBLIC ${out})
  target_link_libraries(${P_NAME} PUBLIC protobuf::libprotobuf gRPC::grpc++ ${P_DEPS})
  # Generated code is not ours to lint.
  target_compile_options(${P_NAME} PRIVATE -w)
endfunction()
