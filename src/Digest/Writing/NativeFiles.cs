using System.Runtime.InteropServices;

namespace Digest.Writing;

/// <summary>
/// The two file system calls .NET does not offer: swapping two folders in one step, and a hard link. Each answers
/// false where the system cannot do it, and the caller falls back to something slower.
/// </summary>
internal static partial class NativeFiles
{
    private const int AtCurrentFolder = -100;
    private const uint LinuxRenameExchange = 2;
    private const uint MacRenameSwap = 2;

    /// <summary>Swaps the names of two folders atomically: every reader sees one or the other, never neither.</summary>
    public static bool TryExchange(string first, string second)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return RenameAt2(AtCurrentFolder, first, AtCurrentFolder, second, LinuxRenameExchange) == 0;
            }

            if (OperatingSystem.IsMacOS())
            {
                return RenameSwap(first, second, MacRenameSwap) == 0;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without the call (an old glibc, musl before 1.2): the caller renames twice instead.
        }

        return false;
    }

    /// <summary>Makes <paramref name="link"/> a second name of the file <paramref name="existing"/> (same bytes, same time).</summary>
    public static bool TryHardLink(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "renamex_np", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameSwap(string from, string to, uint flags);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
