#include "commands.h"
#include "usage.h"

#include "model/vocabulary.h"
#include "rules/ruleloader.h"

namespace mgreview::cli {

int runRulesCheck(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const RuleLoadResult result = loadRulesFile(arguments.rulesFile, Vocabularies::builtin());
    if (!result.errors.isEmpty()) {
        // file:line:column: message, one per line, as compilers print them.
        for (const QString &message : result.errors)
            err << message << u'\n';
        err << kProgramName << QStringLiteral(": %1: %2 error(s)").arg(arguments.rulesFile).arg(result.errors.size())
            << u'\n';
        return ExitFailure;
    }
    int enabled = 0;
    for (const Rule &rule : result.rules.rules)
        enabled += rule.enabled ? 1 : 0;
    out << QStringLiteral("%1: valid, %2 rules (%3 enabled)\n")
               .arg(arguments.rulesFile)
               .arg(result.rules.rules.size())
               .arg(enabled);
    return ExitSuccess;
}

} // namespace mgreview::cli
