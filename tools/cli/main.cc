// paizhu: the command-line client of the suite; it talks only to the gateway.
//   paizhu --help for the commands.

#include <iostream>
#include <string>
#include <vector>

#include "tools/cli/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return paizhu::cli::Run(args, std::cout, std::cerr);
}
