// Debian builds libxml2 with ICU; its encoding.h would pull ICU headers that clash with
// Foundation's own ICU module. Read the version header first and drop the ICU switch.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
