// libcsv ships no pkg-config file; Debian's libcsv-dev installs /usr/include/csv.h.
#include <csv.h>
