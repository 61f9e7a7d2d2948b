#include "importarguments.h"

#include "importexport/importtypes.h"

namespace mgreview::cli {

QString importOption(const QString &name, const QString &value, Arguments &result)
{
    if (result.command == Command::Import) {
        if (name == u"format") {
            if (!importFormatFromString(value))
                return QStringLiteral("invalid import format '%1' (expected ris, bibtex, medline, csv, pubmed-xml, json or "
                                      "studies)")
                    .arg(value);
            result.importFormat = value;
            return {};
        }
        if (name == u"report") {
            const std::optional<OutputFormat> format = outputFormatFromString(value);
            if (!format || *format == OutputFormat::Csv)
                return QStringLiteral("invalid report format '%1' (expected table or json)").arg(value);
            result.report = *format;
            return {};
        }
        if (name == u"dry-run") {
            result.dryRun = true;
            return {};
        }
        if (name == u"no-rules") {
            result.runRules = false;
            return {};
        }
    }
    if (result.command == Command::Duplicates && name == u"format") {
        const std::optional<OutputFormat> format = outputFormatFromString(value);
        if (!format || *format == OutputFormat::Csv)
            return QStringLiteral("invalid format '%1' (expected table or json)").arg(value);
        result.format = *format;
        return {};
    }
    return kNotAnImportOption;
}

QString importCommand(Arguments &result, QStringList &positional)
{
    if (result.command == Command::Import) {
        if (positional.isEmpty())
            return QStringLiteral("'import' needs at least one file");
        result.files = positional;
        positional.clear();
        return {};
    }
    if (positional.isEmpty())
        return QStringLiteral("'duplicates' needs a subcommand: list, merges, merge KEEP OTHER, keep A B or "
                              "undo-merge MERGE");
    result.subcommand = positional.takeFirst();
    const QString &sub = result.subcommand;
    if (sub == u"list" || sub == u"merges")
        return {};
    if (sub == u"merge" || sub == u"keep") {
        if (positional.size() < 2)
            return QStringLiteral("'duplicates %1' needs two study ids").arg(sub);
        result.studyIds = {positional.takeFirst(), positional.takeFirst()};
        return {};
    }
    if (sub == u"undo-merge") {
        bool ok = false;
        const qint64 id = positional.isEmpty() ? 0 : positional.constFirst().toLongLong(&ok);
        if (!ok || id < 1)
            return QStringLiteral("'duplicates undo-merge' needs a merge number (see 'duplicates merges')");
        positional.removeFirst();
        result.change = id;
        return {};
    }
    return QStringLiteral("unknown duplicates subcommand '%1' (expected list, merges, merge, keep or undo-merge)").arg(sub);
}

} // namespace mgreview::cli
