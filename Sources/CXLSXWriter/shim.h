// Debian's libxlsxwriter-dev installs /usr/include/xlsxwriter.h and a pkg-config file
// (xlsxwriter.pc, which also links zlib).
#include <xlsxwriter.h>
