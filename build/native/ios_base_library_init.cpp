// Provides std::ios_base_library_init() for libLibTorchSharp.so on systems whose libstdc++ predates
// GCC 13 (for example Debian 12: libstdc++ 6.0.30 from GCC 12, no GLIBCXX_3.4.32).
//
// Why it exists: since GCC 13, <iostream> no longer gives every translation unit its own static
// std::ios_base::Init object; it references this function (exported by libstdc++ under the version
// GLIBCXX_3.4.32) so that linking pulls in libstdc++'s own stream initialisation. TorchSharp 0.107's
// native library was built with GCC 13 and so carries that reference.
//
// Why the empty body is correct: GCC 12's libstdc++ constructs std::cout, std::cin, std::cerr and
// std::clog from its own static initialiser when libstdc++.so.6 is loaded, which always happens before
// libLibTorchSharp.so's initialisers run (it is a DT_NEEDED dependency). There is nothing left to do.
//
// Compiled by build/TorchSharpNativeFix.targets only where the system libstdc++ lacks GLIBCXX_3.4.32,
// and pre-loaded (RTLD_GLOBAL) by SegPref.Models' TorchRuntime before TorchSharp loads its natives.
// On a libstdc++ that has the real function it is never built, and never loaded.

namespace std
{
    void ios_base_library_init() {}
}
