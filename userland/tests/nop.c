/*
 * The smallest program: exits with its argument count minus one, for exec
 * tests (which check that it ran and got its arguments) and the benchmark.
 */
int main(int argc, char **argv)
{
	(void)argv;
	return argc - 1;
}
