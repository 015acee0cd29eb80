/*
 * The program behind the valid members of the ELF corpus: it runs to exit
 * status 0 through musl's start-up (which reads the auxv for AT_PHDR and
 * AT_RANDOM), so a loader that gets the image wrong shows as a crash.
 */
int main(void)
{
	return 0;
}
