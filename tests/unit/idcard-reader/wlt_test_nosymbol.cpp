/* A library that loads but has no `unpack`. */
extern "C" __attribute__((visibility("default"))) int not_unpack(void)
{
    return 0;
}
