#include "usage.h"

namespace mgreview::cli {

QString helpText(const QString &defaultLibraryPath)
{
    return QStringLiteral(
               "Usage: mgreview-cli [--library PATH] [--studies DIR] [--no-seed] COMMAND [ARGUMENTS]\n"
               "\n"
               "Reads the MgReview study library, the same one the app shows.\n"
               "\n"
               "Commands:\n"
               "  list                List the studies.\n"
               "  show ID             Everything known about one study: citation, identifiers, design,\n"
               "                      population, verbatim conclusions with their sources, what\n"
               "                      secondary sources claim, funding and independence.\n"
               "  search TEXT...      The studies whose title, authors, conclusions or identifiers hold\n"
               "                      every word of TEXT (as the start of a word; case and accents are\n"
               "                      ignored), in library order.\n"
               "\n"
               "Options:\n"
               "  --library PATH      The library file (default: %1).\n"
               "  --studies DIR       Seed from this studies/ folder (default: the installed one).\n"
               "  --no-seed           Do not add the studies of the studies/ folder. Without it, studies\n"
               "                      never seeded before are added; edited ones are never overwritten.\n"
               "  --format FORMAT     table (default), json or csv.  [list, show, search]\n"
               "  --filter FILTER     Funding independence: all (default), independent, industry-linked\n"
               "                      or unclear.  [list, search]\n"
               "  -h, --help          Show this help.\n"
               "  -v, --version       Show the version.\n"
               "\n"
               "Data goes to standard output, messages to standard error. JSON: an array of study\n"
               "objects (list, search) or one object (show); facts that are not verified are empty\n"
               "and explained under \"not_verified\". CSV follows RFC 4180, with a header row.\n"
               "\n"
               "Exit status: 0 success, 1 failure (unknown study, unreadable library), 2 wrong usage.\n")
        .arg(defaultLibraryPath);
}

QString shortUsage()
{
    return QStringLiteral(
        "Usage: mgreview-cli [--library PATH] [--studies DIR] [--no-seed] list|show ID|search TEXT\n"
        "                    [--format table|json|csv] [--filter all|independent|industry-linked|unclear]\n"
        "Try 'mgreview-cli --help' for more information.\n");
}

} // namespace mgreview::cli
