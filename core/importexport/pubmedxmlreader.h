#pragma once

#include "importexport/importtypes.h"

#include <QByteArray>

namespace mgreview {

/// Reads PubMed XML (efetch PubmedArticleSet: PubmedArticle and PubmedBookArticle;
/// docs/formats/import.md#pubmed-xml). An XML syntax error ends the file: the records before
/// it are kept and the error is reported at its line.
ReadResult readPubmedXml(const QByteArray &bytes, const QString &file);

} // namespace mgreview
