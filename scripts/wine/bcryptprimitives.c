#include <windows.h>
/* Test shim for Wine 8, which lacks bcryptprimitives.dll: Go's runtime
   needs ProcessPrng. Fills the buffer from RtlGenRandom. */
typedef BOOLEAN (WINAPI *genrandom)(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static genrandom f;
    if (!f) f = (genrandom)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!f(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
