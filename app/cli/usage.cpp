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
               "  classify            Run the classification rules over every study and store their\n"
               "                      suggestions (curated and reviewer decisions are never changed).\n"
               "  rules check FILE    Check a rules file; exit 0 when valid, 1 with file:line:column\n"
               "                      messages when not.\n"
               "\n"
               "Options:\n"
               "  --library PATH      The library file (default: %1).\n"
               "  --studies DIR       Seed from this studies/ folder (default: the installed one).\n"
               "  --no-seed           Do not add the studies of the studies/ folder. Without it, studies\n"
               "                      never seeded before are added; edited ones are never overwritten.\n"
               "  --format FORMAT     table (default), json or csv.  [list, show, search]\n"
               "  --filter FILTER     Funding independence: all (default), independent, industry-linked\n"
               "                      or unclear.  [list, search]\n"
               "  --rules FILE        Add (or override) rules from FILE to the default rules.  [classify]\n"
               "  --explain           Per study, every suggestion with its rule, field and matched text.\n"
               "                      [classify]\n"
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
        "Usage: mgreview-cli [--library PATH] [--studies DIR] [--no-seed] list|show ID|search TEXT|classify\n"
        "                    [--format table|json|csv] [--filter all|independent|industry-linked|unclear]\n"
        "       mgreview-cli classify [--rules FILE] [--explain] [--format table|json]\n"
        "       mgreview-cli rules check FILE\n"
        "Try 'mgreview-cli --help' for more information.\n");
}

} // namespace mgreview::cli
