-- A placeholder on branch h17i: migration 15 is h17w's, made at the same time on its
-- own branch. At the merge the lead keeps h17w's file and drops this one.
SELECT 1;
