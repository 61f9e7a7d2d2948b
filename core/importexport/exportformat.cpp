#include "importexport/exportformat.h"

namespace mgreview {

namespace {

constexpr ExportFormat kFormats[] = {ExportFormat::Ris, ExportFormat::Bibtex, ExportFormat::Csv, ExportFormat::Json,
                                     ExportFormat::Studies};

} // namespace

QString toString(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Ris: return QStringLiteral("ris");
    case ExportFormat::Bibtex: return QStringLiteral("bibtex");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Studies: break;
    }
    return QStringLiteral("studies");
}

std::optional<ExportFormat> exportFormatFromString(const QString &text)
{
    if (text == u"bib")
        return ExportFormat::Bibtex;
    for (const ExportFormat format : kFormats) {
        if (toString(format) == text)
            return format;
    }
    return std::nullopt;
}

QString displayName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Ris: return QStringLiteral("RIS");
    case ExportFormat::Bibtex: return QStringLiteral("BibTeX");
    case ExportFormat::Csv: return QStringLiteral("CSV");
    case ExportFormat::Json: return QStringLiteral("JSON");
    case ExportFormat::Studies: break;
    }
    return QStringLiteral("studies/ folder (TOML)");
}

QString fileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Ris: return QStringLiteral("ris");
    case ExportFormat::Bibtex: return QStringLiteral("bib");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Studies: break;
    }
    return {};
}

} // namespace mgreview
