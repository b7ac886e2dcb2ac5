# paizhu_embed_migrations(TARGET name DIR dir)
# Turns every NNNN_name.sql in DIR into a generated .cc holding the files as string
# literals, so a binary carries its own schema history and needs no files at run time.
function(paizhu_embed_migrations)
  cmake_parse_arguments(E "" "TARGET;DIR;SYMBOL" "" ${ARGN})
  file(GLOB sqls CONFIGURE_DEPENDS ${E_DIR}/*.sql)
  list(SORT sqls)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}_embedded.cc)
  # A ';' list would be split by the shell; pass the files joined with '|'.
  list(JOIN sqls "|" files_arg)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${E_SYMBOL} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake
    DEPENDS ${sqls} ${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake
    COMMENT "embedding migrations of ${E_TARGET}"
    VERBATIM)
  add_library(${E_TARGET} STATIC ${out})
  target_link_libraries(${E_TARGET} PUBLIC paizhu_migrate)
endfunction()
