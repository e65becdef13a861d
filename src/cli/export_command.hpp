#pragma once
#include <string>

#include "cli_commands.hpp"

namespace cjm::cli {

struct ExportArgs {
    std::string input, output;
    std::string format; // empty: from OUT's extension
    std::string page;   // empty: A4
    std::string persona;
    double scale = 1;
    double margin = 10;
    bool transparent = false, landscape = false, portrait = false;
    bool tiles = false, perPersona = false, heatStrip = false;
    bool auditWorksheet = false, audit = false;
    bool slides = false;
    std::string view;   // a saved view's name (slides)
    std::string aspect; // "16:9" (default) or "4:3"
};

// cjm export FILE -o OUT [...]: needs a QGuiApplication (offscreen is fine).
int runExport(const ExportArgs &args, Streams io);

} // namespace cjm::cli
