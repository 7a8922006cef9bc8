/* The floor for `zhinan check`: libyaml's event parser run over every file, one thread,
 * doing nothing with the events. The files are named one a line in the file given as the
 * argument (or on standard input).
 * Build: cc -O2 -o yaml_floor yaml_floor.c -lyaml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

int main(int argc, char **argv) {
    FILE *list = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (!list) { perror(argv[1]); return 2; }
    char path[4096];
    static unsigned char buf[16 << 20];
    long files = 0, events = 0;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 2; }
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        yaml_parser_t p;
        yaml_event_t e;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, buf, n);
        for (;;) {
            if (!yaml_parser_parse(&p, &e)) { fprintf(stderr, "%s: parse error\n", path); return 1; }
            int done = e.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&e);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&p);
        files++;
    }
    printf("%ld files, %ld events\n", files, events);
    return 0;
}
